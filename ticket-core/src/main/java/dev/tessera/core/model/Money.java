package dev.tessera.core.model;

/** An amount in minor units (cents, yen) of one currency. */
public record Money(long minor, String currency) {
    public Money {
        Require.notNegative(minor, "amount");
        Require.currency(currency);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money times(int count) {
        return new Money(Math.multiplyExact(minor, count), currency);
    }
}
