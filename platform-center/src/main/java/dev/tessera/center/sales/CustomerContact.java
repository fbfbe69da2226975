package dev.tessera.center.sales;

import dev.tessera.center.db.schema.tables.records.IssuingInfoRecord;
import dev.tessera.center.problem.DomainException;
import dev.tessera.contract.sales.Contact;
import dev.tessera.core.contact.EmailAddress;
import dev.tessera.core.contact.PhoneNumber;

/** A sale's customer contact as the center keeps it: checked, trimmed, the phone number with its search key. */
record CustomerContact(String name, String email, String phone, String phoneKey) {
    static final int MAX_NAME_LENGTH = 100;
    static final CustomerContact NONE = new CustomerContact(null, null, null, null);

    /** The contact a sale request gave; a malformed e-mail address or phone number is a 400 that names it. */
    static CustomerContact of(Contact given) {
        if (given == null) {
            return NONE;
        }
        String name = blank(given.name()) ? null : given.name().strip();
        if (name != null && name.length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("contact.name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        String email = null;
        PhoneNumber phone = null;
        try {
            email = blank(given.email()) ? null : EmailAddress.parse(given.email()).value();
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("contact.email: " + e.getMessage());
        }
        try {
            phone = blank(given.phone()) ? null : PhoneNumber.parse(given.phone());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("contact.phone: " + e.getMessage());
        }
        return new CustomerContact(name, email, phone == null ? null : phone.written(), phone == null ? null : phone.key());
    }

    static CustomerContact of(IssuingInfoRecord info) {
        return new CustomerContact(info.getContactName(), info.getContactEmail(), info.getContactPhone(),
                info.getContactPhoneKey());
    }

    Contact view() {
        return new Contact(name, email, phone);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
