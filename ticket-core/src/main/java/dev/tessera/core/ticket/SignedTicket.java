package dev.tessera.core.ticket;

import dev.tessera.core.crypto.IssuerPublicKey;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A decoded ticket with the issuer key id and signature it carried, and the exact bytes they cover.
 * Whether the signature was checked depends on the {@link TicketCodec} method that produced it.
 *
 * @param encoded the whole encoded ticket, signature included
 */
public record SignedTicket(Ticket ticket, byte[] issuerKeyId, byte[] signature, byte[] encoded) {

    public SignedTicket {
        Objects.requireNonNull(ticket, "ticket");
        issuerKeyId = Objects.requireNonNull(issuerKeyId, "issuerKeyId").clone();
        signature = Objects.requireNonNull(signature, "signature").clone();
        encoded = Objects.requireNonNull(encoded, "encoded").clone();
        if (issuerKeyId.length != IssuerPublicKey.KEY_ID_LENGTH) {
            throw new IllegalArgumentException("issuer key id must be %d bytes, was %d"
                    .formatted(IssuerPublicKey.KEY_ID_LENGTH, issuerKeyId.length));
        }
        if (signature.length != IssuerPublicKey.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature must be %d bytes, was %d"
                    .formatted(IssuerPublicKey.SIGNATURE_LENGTH, signature.length));
        }
    }

    @Override
    public byte[] issuerKeyId() {
        return issuerKeyId.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }

    public String issuerKeyIdHex() {
        return HexFormat.of().formatHex(issuerKeyId);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedTicket that
                && ticket.equals(that.ticket)
                && Arrays.equals(issuerKeyId, that.issuerKeyId)
                && Arrays.equals(signature, that.signature)
                && Arrays.equals(encoded, that.encoded);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ticket, Arrays.hashCode(issuerKeyId), Arrays.hashCode(signature), Arrays.hashCode(encoded));
    }

    @Override
    public String toString() {
        return "SignedTicket[ticket=%s, issuerKeyId=%s, %d bytes]".formatted(ticket, issuerKeyIdHex(), encoded.length);
    }
}
