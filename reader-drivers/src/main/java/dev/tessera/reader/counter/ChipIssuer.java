package dev.tessera.reader.counter;

import dev.tessera.reader.center.CenterClient;
import dev.tessera.reader.center.CenterException;
import dev.tessera.reader.wallet.ChipInfo;
import dev.tessera.reader.wallet.WalletCard;
import dev.tessera.reader.wallet.WalletException;
import dev.tessera.reader.wallet.WrongCardException;
import java.security.SecureRandom;

/**
 * Claim 31: a blank chip becomes a member's card. The center diversifies the chip's keys from its masters, the chip
 * makes its own P-256 key pair, and the center registers the chip's public key. A tap torn after PERSONALIZE is
 * finished by the next one, which registers what the chip already holds.
 */
public final class ChipIssuer {

    private final CenterClient center;
    private final SecureRandom random;

    public ChipIssuer(CenterClient center, SecureRandom random) {
        this.center = center;
        this.random = random;
    }

    public ChipInfo issue(WalletCard card, Long memberId) throws WalletException, CenterException {
        ChipInfo info = card.select();
        if (info.locked()) {
            throw new WrongCardException("chip " + info.chipIdHex() + " is locked", "This card is locked: use a new one.");
        }
        if (info.blank()) {
            // the one moment a terminal holds a chip's static keys: PERSONALIZE of a chip id the center picked
            CenterClient.Personalization keys = center.personalize(memberId);
            try {
                card.personalize(keys.chipId(), keys.accessKey(), keys.gateKey());
            } finally {
                java.util.Arrays.fill(keys.accessKey(), (byte) 0);
                java.util.Arrays.fill(keys.gateKey(), (byte) 0);
            }
            info = card.select();
        }
        try {
            center.registerChip(info.chipIdHex(), info.publicKey(), memberId);
        } catch (CenterException e) {
            if (e.status() != 409) {
                throw e;
            }
        }
        return info;
    }
}
