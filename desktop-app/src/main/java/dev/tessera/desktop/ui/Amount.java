package dev.tessera.desktop.ui;

/**
 * An amount of money as a {@link Message} argument: put into words in the language on screen when the message is
 * (¥5,000 in English and Japanese, $12.50), so a view model need not know the locale.
 */
public record Amount(long minor, String currency) {}
