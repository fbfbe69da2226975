-- issue 17: how the customer of a sale can be reached, as given at the counter (each optional), and the phone number's
-- key (digits, +81 as 0) that after-sales searches by; kept with the issuing info, one per sale.
ALTER TABLE issuing_info ADD COLUMN contact_name VARCHAR(100);
ALTER TABLE issuing_info ADD COLUMN contact_email VARCHAR(254);
ALTER TABLE issuing_info ADD COLUMN contact_phone VARCHAR(40);
ALTER TABLE issuing_info ADD COLUMN contact_phone_key VARCHAR(20);
