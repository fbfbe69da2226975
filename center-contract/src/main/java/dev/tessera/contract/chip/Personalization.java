package dev.tessera.contract.chip;

/** The one answer that carries static keys: a blank card's PERSONALIZE data, for a chip id the center picked. */
public record Personalization(String chipId, String accessKey, String gateKey) {
    @Override
    public String toString() {
        return "Personalization[" + chipId + ", keys not shown]";
    }
}
