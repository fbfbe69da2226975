package dev.tessera.contract.sales;

/**
 * How the customer of a sale can be reached, as given at the counter; each part optional (null). The center checks the
 * e-mail address and the phone number (ticket-core's {@code EmailAddress} and {@code PhoneNumber}) and finds a sale by
 * either.
 */
public record Contact(String name, String email, String phone) {
    public static final Contact NONE = new Contact(null, null, null);
}
