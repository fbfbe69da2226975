package dev.tessera.contract.transfer;

public enum TransferStatus { PENDING, COMPLETED, CANCELLED, EXPIRED }
