package dev.tessera.contract.sales;

public enum PaymentMethod { CASH, CARD, INVOICE }
