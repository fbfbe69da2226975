/** How a customer can be reached: the e-mail address and phone number given at the counter, checked and keyed. */
package dev.tessera.core.contact;
