package dev.tessera.core.tax;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rates a box office starts from, per country: the standard rate (what tickets to a show usually bear) and a
 * reduced rate some categories take. An organizer can set any rate per category and event; these are the defaults.
 * Japan's qualified invoices (適格請求書) carry the registration number "T" + 13 digits.
 */
public enum TaxCountry {
    JP("Japan", 1000, 800),
    AT("Austria", 2000, 1300),
    BE("Belgium", 2100, 600),
    DE("Germany", 1900, 700),
    ES("Spain", 2100, 1000),
    FR("France", 2000, 550),
    IE("Ireland", 2300, 900),
    IT("Italy", 2200, 1000),
    NL("Netherlands", 2100, 900),
    PT("Portugal", 2300, 600),
    FI("Finland", 2550, 1000),
    SE("Sweden", 2500, 600),
    DK("Denmark", 2500, 2500),
    PL("Poland", 2300, 800),
    /** No tax: the rates are zero until the organizer sets them. */
    NONE("No tax", 0, 0);

    private final String displayName;
    private final TaxRate standard;
    private final TaxRate reduced;

    TaxCountry(String displayName, int standardBasisPoints, int reducedBasisPoints) {
        this.displayName = displayName;
        this.standard = new TaxRate(standardBasisPoints);
        this.reduced = new TaxRate(reducedBasisPoints);
    }

    public String displayName() {
        return displayName;
    }

    public TaxRate standard() {
        return standard;
    }

    public TaxRate reduced() {
        return reduced;
    }

    /** Japan issues qualified invoices (適格請求書); elsewhere a VAT receipt. */
    public boolean qualifiedInvoice() {
        return this == JP;
    }

    /** The country an event's currency suggests when the organizer named none: JPY is Japan, anything else no tax. */
    public static TaxCountry defaultFor(String currency) {
        return "JPY".equals(currency) ? JP : NONE;
    }

    public static Optional<TaxCountry> of(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }

    /** A Japanese invoice issuer's registration number: "T" and 13 digits. */
    public static boolean isJapaneseRegistrationNumber(String number) {
        return number != null && number.matches("T[0-9]{13}");
    }
}
