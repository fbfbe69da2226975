package dev.tessera.contract.aftersales;

/** kind: VOID, REFUND, EXCHANGE, REPRINT or REISSUE; amountMinor: refunded, or an exchange's difference. */
public enum AdjustmentKind { VOID, REFUND, EXCHANGE, REPRINT, REISSUE }
