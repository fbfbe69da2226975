package dev.tessera.contract.chip;

import java.util.List;

/**
 * @param sessionKey the session MAC key S (hex): good for this one session only, worthless once the card is
 *                   deselected; {@code allowed} lists the commands the key opens on the card
 */
public record ChipSessionGrant(long useId, String chipId, String keyRef, String purpose, String hostCryptogram,
                           String sessionKey, List<String> allowed) {
    @Override
    public String toString() {
        return "ChipSessionGrant[" + useId + ", " + chipId + ", " + purpose + ", keys not shown]";
    }
}
