package dev.tessera.contract.sales;

public enum RefundMethod { CASH, CARD }
