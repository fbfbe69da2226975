package dev.tessera.contract.transfer;

public record AcceptTransfer(String transferPassword) {}
