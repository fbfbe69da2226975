package dev.tessera.desktop.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * What a fault suite found when it compared the terminals' ledgers with the center: how many sales it
 * checked, and every sale or journal entry lost or counted twice, each with a reason. Prints the suite's
 * {@code FAULTS <suite>: sales=N lost=0 duplicated=0} line and fails with the reasons when either is not zero.
 */
final class FaultTally {
    /** Full runs (./tessera faults, -Dtessera.faults.full=true) take many more fault points than CI. */
    static final boolean FULL = Boolean.getBoolean("tessera.faults.full");

    private final String suite;
    private final List<String> lost = new ArrayList<>();
    private final List<String> duplicated = new ArrayList<>();
    private int sales;

    FaultTally(String suite) {
        this.suite = suite;
    }

    void sales(int count) {
        sales = count;
    }

    void lost(String what) {
        lost.add(what);
    }

    void duplicated(String what) {
        duplicated.add(what);
    }

    /** Prints the suite's line (with extra facts such as the fault points) and asserts nothing was lost or doubled. */
    void report(String extra) {
        System.out.println("FAULTS " + suite + ": sales=" + sales + " lost=" + lost.size() + " duplicated="
                + duplicated.size() + (extra.isEmpty() ? "" : "  (" + extra + ")"));
        assertThat(sales).as("the suite sold something").isPositive();
        assertThat(lost).as(suite + ": lost").isEmpty();
        assertThat(duplicated).as(suite + ": duplicated").isEmpty();
    }
}
