package dev.tessera.contract.tax;

/** One price category's tax rate; {@code rateBasisPoints} 1000 is 10 % (issue 17). */
public record CategoryRate(String categoryId, int rateBasisPoints) {}
