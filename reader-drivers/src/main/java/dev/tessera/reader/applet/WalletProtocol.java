package dev.tessera.reader.applet;

/**
 * The wallet's command set as docs/card-protocol.md specifies it: classes, instructions, status words, states and
 * sizes. Shared by the applet and the host driver so the two cannot drift apart.
 */
public interface WalletProtocol {

    // §2 classes
    byte CLA_ISO = (byte) 0x00;
    byte CLA_PLAIN = (byte) 0x80;
    byte CLA_SECURE = (byte) 0x84;
    byte CLA_CHAINING_BIT = (byte) 0x10;

    // §4 instructions
    byte INS_SELECT = (byte) 0xA4;
    byte INS_GET_INFO = (byte) 0xCA;
    byte INS_PERSONALIZE = (byte) 0xE0;
    byte INS_AUTH_INIT = (byte) 0x50;
    byte INS_AUTH_VERIFY = (byte) 0x82;
    byte INS_INTERNAL_AUTHENTICATE = (byte) 0x88;
    byte INS_KEY_AGREEMENT = (byte) 0x86;
    byte INS_LIST_TICKETS = (byte) 0xB2;
    byte INS_READ_TICKET = (byte) 0xB0;
    byte INS_WRITE_TICKETS = (byte) 0xD0;
    byte INS_DELETE_TICKETS = (byte) 0xE4;
    byte INS_MARK_USED = (byte) 0xE8;
    byte INS_LOCK = (byte) 0xFE;

    // §5 status words
    short SW_OK = (short) 0x9000;
    short SW_WRONG_LENGTH = (short) 0x6700;
    short SW_LAST_COMMAND_EXPECTED = (short) 0x6883;
    short SW_CHAINING_NOT_SUPPORTED = (short) 0x6884;
    short SW_SECURITY_NOT_SATISFIED = (short) 0x6982;
    short SW_AUTH_BLOCKED = (short) 0x6983;
    short SW_CONDITIONS_NOT_SATISFIED = (short) 0x6985;
    short SW_TICKET_ALREADY_USED = (short) 0x6986;
    short SW_MAC_MISSING = (short) 0x6987;
    short SW_MAC_INVALID = (short) 0x6988;
    short SW_WRONG_DATA = (short) 0x6A80;
    short SW_APPLICATION_NOT_FOUND = (short) 0x6A82;
    short SW_NO_FREE_SLOT = (short) 0x6A84;
    short SW_WRONG_P1P2 = (short) 0x6A86;
    short SW_NOT_FOUND = (short) 0x6A88;
    short SW_NEWER_VERSION_PRESENT = (short) 0x6A89;
    short SW_INS_NOT_SUPPORTED = (short) 0x6D00;
    short SW_CLA_NOT_SUPPORTED = (short) 0x6E00;
    short SW_UNKNOWN = (short) 0x6F00;
    /** 63Cx: authentication failed, x tries left. */
    short SW_AUTH_FAILED_BASE = (short) 0x63C0;

    // §3 life cycle
    byte STATE_BLANK = 0x00;
    byte STATE_PERSONALIZED = 0x01;
    byte STATE_LOCKED = 0x02;

    // §6 ticket slot states
    byte SLOT_FREE = 0x00;
    byte SLOT_VALID = 0x01;
    byte SLOT_USED = 0x02;

    // §4.4 key references (P2 of AUTH INIT)
    byte KEY_ACCESS = 0x01;
    byte KEY_GATE = 0x02;

    // sizes
    /** Protocol version 1.2 (docs/card-protocol.md): gate sessions scoped to one event, LIST and READ in a session. */
    short APP_VERSION = (short) 0x0102;
    byte CAPACITY = 16;
    short SLOT_SIZE = 600;
    byte CHIP_ID_LENGTH = 8;
    byte AES_KEY_LENGTH = 16;
    byte TICKET_ID_LENGTH = 16;
    /** WRITE entry header: on-card ticket id (16) ‖ version (2) ‖ length (2) ‖ event id (8). */
    byte ENTRY_HEADER_LENGTH = 28;
    byte EVENT_ID_LENGTH = 8;
    byte LIST_ENTRY_LENGTH = 22;
    byte MAC_LENGTH = 8;
    byte CHALLENGE_LENGTH = 8;
    byte CRYPTOGRAM_LENGTH = 8;
    byte MIN_IA_CHALLENGE = 16;
    byte MAX_IA_CHALLENGE = 64;
    byte PUBLIC_KEY_LENGTH = 65;
    byte SECRET_LENGTH = 32;
    byte MAX_AUTH_TRIES = 10;
    byte FEATURE_EXTENDED_LENGTH = 0x01;
    /** The longest DER encoding of a P-256 ECDSA signature: INTERNAL AUTHENTICATE needs Ne at least this. */
    byte MAX_SIGNATURE_LENGTH = 72;
    /** LIST TICKETS needs room for the next-slot byte and one entry, so that every page makes progress. */
    byte MIN_LIST_NE = 1 + 22;
    /** Info block without chip id and public key (BLANK): 9 fixed bytes and the two zero lengths. */
    byte INFO_BLANK_LENGTH = 11;
    /** Info block of a personalized or locked chip: with the 8-byte chip id and the 65-byte public key. */
    byte INFO_FULL_LENGTH = 11 + 8 + 65;
    /** The largest Ne a Java Card reports (setOutgoing): an extended Le of 0000 (65,536) becomes this. */
    short MAX_NE = (short) 0x7FFF;
    /** P1 P2 of a SELECT by AID (first or only occurrence, FCI not asked for by name). */
    short SELECT_BY_AID_P1P2 = (short) 0x0400;

    // §4.4 derivation labels
    byte LABEL_SESSION_MAC_KEY = 0x01;
    byte LABEL_CARD_CRYPTOGRAM = 0x02;
    byte LABEL_HOST_CRYPTOGRAM = 0x03;
    /** §7: a gate session's key, AES-CMAC(chip gate key, 04 ‖ event id), derived on the card from AUTH INIT's event id. */
    byte LABEL_EVENT_GATE_KEY = 0x04;
}
