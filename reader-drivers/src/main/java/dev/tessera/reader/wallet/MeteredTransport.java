package dev.tessera.reader.wallet;

import java.util.ArrayList;
import java.util.List;

/** Counts exchanges and bytes each way, and keeps each exchange's sizes for on-air time models. */
public final class MeteredTransport implements CardTransport {

    /** One command/response pair: bytes to the card and bytes back (SW included). */
    public record Exchange(int commandBytes, int responseBytes) {}

    private final CardTransport next;
    private final List<Exchange> exchanges = new ArrayList<>();

    public MeteredTransport(CardTransport next) {
        this.next = next;
    }

    @Override
    public byte[] transmit(byte[] command) throws CardGoneException {
        byte[] response = next.transmit(command);
        exchanges.add(new Exchange(command.length, response.length));
        return response;
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public int apdus() {
        return exchanges.size();
    }

    public long bytesToCard() {
        return exchanges.stream().mapToLong(Exchange::commandBytes).sum();
    }

    public long bytesFromCard() {
        return exchanges.stream().mapToLong(Exchange::responseBytes).sum();
    }

    public void reset() {
        exchanges.clear();
    }
}
