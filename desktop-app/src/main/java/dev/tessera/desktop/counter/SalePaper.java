package dev.tessera.desktop.counter;

import dev.tessera.contract.sales.SaleResult;
import dev.tessera.desktop.ui.Message;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Claim 20: how a paid sale without a chip goes onto paper, its tickets and its receipt. Both calls block (the counter
 * runs them in the background); a printer that refuses the job throws {@link dev.tessera.reports.ReportException}.
 */
public interface SalePaper {

    /** Prints the tickets and the receipt on the chosen printer (or as PDF files); the message says where they went. */
    Message print(SaleResult sale, Long tenderedMinor);

    /** The pages the same print would make (tickets, then the receipt), drawn for the screen; nothing is printed. */
    List<BufferedImage> pages(SaleResult sale, Long tenderedMinor);
}
