package dev.tessera.desktop.startup;

import static dev.tessera.desktop.support.Fx.fx;
import static dev.tessera.desktop.support.Fx.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.center.PlatformCenter;
import dev.tessera.center.chipkeys.ChipCards;
import dev.tessera.center.demo.DemoData;
import dev.tessera.desktop.TesseraApp;
import dev.tessera.desktop.center.CenterClient;
import dev.tessera.desktop.center.CenterSession;
import dev.tessera.contract.member.MemberTicket;
import dev.tessera.desktop.counter.VirtualChips;
import dev.tessera.desktop.counter.VirtualChips.VirtualChip;
import dev.tessera.desktop.gate.GateViewModel;
import dev.tessera.desktop.gate.GateWorkspace;
import dev.tessera.desktop.member.MemberViewModel;
import dev.tessera.desktop.member.MemberViewModel.TicketRow;
import dev.tessera.desktop.member.MemberViewModel.TicketState;
import dev.tessera.desktop.shell.MemberWorkspace;
import dev.tessera.desktop.support.GateTaps;
import dev.tessera.desktop.support.AppUnderTest;
import dev.tessera.desktop.support.Screenshots;
import dev.tessera.reader.gate.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Issue 14, the demo a newcomer tries: the app started as {@code ./tessera run} starts it (the data folder from
 * $TESSERA_DATA, the simulated cards beside it) gives the demo members their cards, the first one's holding tickets,
 * keeps them across a restart, and the gate admits today's ticket; a damaged tray file is set aside whole and said,
 * and the members get no second cards.
 */
class EmbeddedDemoTest {
    @RegisterExtension
    final AppUnderTest ui = new AppUnderTest();
    private final FxRobot robot = ui.robot();

    @Test
    void theDemoMembersCardsAndTicketsOutliveARestartAndTheGateAdmitsTodaysTicket(@TempDir Path home) throws Exception {
        StartupSettings settings = asTesseraRun(home);
        assertThat(settings.simulatedCards()).contains(home.resolve("tessera-simulated-cards"));

        TesseraApp app = ui.start(settings, Locale.ENGLISH);
        List<VirtualChip> firstRun = app.shell().chipTray().orElseThrow().chips();
        assertThat(firstRun).extracting(VirtualChip::owner).containsExactly("Hana Sato", "Ken Ito");
        PlatformCenter center = ui.embeddedCenter();
        List<MemberTicket> hanas;
        try (CenterClient client = new CenterClient(center.baseUri())) {
            CenterSession hana = client.signIn("member", "member-demo");
            assertThat(hana.myChips()).extracting(c -> c.chipId()).containsExactly(firstRun.get(0).chipId());
            assertThat(client.signIn("member2", "member2-demo").myChips()).extracting(c -> c.chipId())
                    .containsExactly(firstRun.get(1).chipId());
            assertThat(hana.chipTickets(firstRun.get(0).chipId()).tickets()).hasSize(3);
            hanas = hana.myTickets();
        }
        assertThat(hanas).extracting(MemberTicket::eventName)
                .containsExactlyInAnyOrder(DemoData.TODAY_NAME, DemoData.TODAY_NAME, DemoData.EVENT_NAME);
        assertNoChipKeyIn(home.resolve("tessera"), center, firstRun);
        assertThat(home.resolve("tessera-simulated-cards").resolve(VirtualChips.FILE_NAME)).isRegularFile();

        ui.stop();
        TesseraApp restarted = ui.start(settings, Locale.ENGLISH);
        assertThat(restarted.shell().chipTray().orElseThrow().chips()).as("the same cards, none added")
                .extracting(VirtualChip::chipId).containsExactlyElementsOf(firstRun.stream().map(VirtualChip::chipId).toList());

        // member's wallet reads the restored card: every ticket is on it
        ui.signIn("member", "member-demo");
        MemberViewModel wallet = memberWorkspace(restarted);
        waitFor(30, "three tickets read on the card", () -> fx(() -> wallet.tickets().stream().map(TicketRow::state)
                .toList()).equals(List.of(TicketState.ON_CARD, TicketState.ON_CARD, TicketState.ON_CARD)));
        assertThat(fx(() -> wallet.tickets().stream().map(TicketRow::eventName).toList()))
                .containsOnly(DemoData.TODAY_NAME, DemoData.EVENT_NAME);
        assertThat(ui.text("#memberStatus")).isEqualTo("3 tickets, none waiting to be written, no transfer offered to you.");
        Screenshots.take(ui.scene(), "90-demo-member-wallet");
        robot.clickOn("#languageJapanese");
        waitFor(5, "Japanese texts", () -> ui.text("#memberStatus").contains("枚"));
        Screenshots.take(ui.scene(), "91-demo-member-wallet-ja");

        // the gate admits member's ticket of today's performance
        robot.clickOn("#signOut");
        ui.awaitSignIn();
        ui.signIn("gate", "gate-demo");
        waitFor(60, "the gate workspace", () -> restarted.shell().main().flatMap(m -> m.workspace(GateWorkspace.class)).isPresent()
                && robot.lookup("#gateCode").tryQuery().isPresent());
        GateViewModel gate = fx(() -> restarted.shell().main().orElseThrow().workspace(GateWorkspace.class).orElseThrow()
                .viewModel());
        MemberTicket today = hanas.stream().filter(t -> t.eventName().equals(DemoData.TODAY_NAME)).findFirst()
                .orElseThrow();
        GateTaps.chooseEvent(gate, today.eventId());
        assertThat(fx(() -> gate.gateProperty().get())).as("README: the gate north, the first one offered")
                .isEqualTo(today.gateId()).isEqualTo("north");
        robot.clickOn("#gateStartShift");
        waitFor(30, "the shift", () -> gate.stationProperty().get() != null);
        assertThat(GateTaps.tapFirstChip(robot, gate).scan().verdict()).as("member admitted").isEqualTo(Verdict.ADMITTED);
        Screenshots.take(ui.scene(), "92-demo-gate-admitted-ja");
    }

    @Test
    void aDamagedTrayFileIsSetAsideWholeAndSaidAndTheMembersGetNoSecondCards(@TempDir Path home) throws Exception {
        StartupSettings settings = asTesseraRun(home);
        Path file = settings.simulatedCards().orElseThrow().resolve(VirtualChips.FILE_NAME);
        List<String> given;
        try (VirtualChips tray = new VirtualChips(new SecureRandom(), file);
             CenterConnection connection = CenterStarter.connect(settings, () -> tray, step -> {})) {
            given = tray.chips().stream().map(VirtualChip::chipId).toList();
        }
        assertThat(given).hasSize(2);
        byte[] saved = Files.readAllBytes(file);
        byte[] damaged = java.util.Arrays.copyOf(saved, saved.length / 2);
        Files.write(file, damaged);

        try (VirtualChips tray = new VirtualChips(new SecureRandom(), file);
             CenterConnection connection = CenterStarter.connect(settings, () -> tray, step -> {})) {
            List<Path> aside;
            try (var files = Files.list(file.getParent())) {
                aside = files.filter(f -> f.getFileName().toString().startsWith(VirtualChips.FILE_NAME + ".damaged-"))
                        .toList();
            }
            assertThat(aside).hasSize(1);
            assertThat(Files.readAllBytes(aside.getFirst())).as("the damaged file, byte for byte").isEqualTo(damaged);
            assertThat(tray.loadProblem().orElseThrow()).startsWith("the chip tray " + VirtualChips.FILE_NAME
                    + " cannot be read (").endsWith("; it was kept as " + aside.getFirst());
            assertThat(tray.chips()).as("no card given on a tray whose file was set aside").isEmpty();
        }
        // the next start finds no file: the members hold cards at the center, so none is given twice
        try (VirtualChips tray = new VirtualChips(new SecureRandom(), file);
             CenterConnection connection = CenterStarter.connect(settings, () -> tray, step -> {});
             CenterClient client = new CenterClient(connection.baseUri())) {
            assertThat(tray.loadProblem()).isEmpty();
            assertThat(tray.chips()).isEmpty();
            assertThat(client.signIn("member", "member-demo").myChips()).extracting(c -> c.chipId())
                    .containsExactly(given.get(0));
            assertThat(client.signIn("member2", "member2-demo").myChips()).extracting(c -> c.chipId())
                    .containsExactly(given.get(1));
        }
    }

    /** The settings {@code ./tessera run} gives the app with {@code TESSERA_DATA=<home>/tessera}. */
    private static StartupSettings asTesseraRun(Path home) {
        return StartupSettings.from(List.of(), Map.of(StartupSettings.DATA_VARIABLE, home.resolve("tessera").toString()),
                home.toString());
    }

    private MemberViewModel memberWorkspace(TesseraApp app) throws Exception {
        waitFor(60, "the member workspace", () -> app.shell().main().flatMap(m -> m.workspace(MemberWorkspace.class))
                .isPresent() && robot.lookup("#memberTickets").tryQuery().isPresent());
        return fx(() -> app.shell().main().orElseThrow().workspace(MemberWorkspace.class).orElseThrow().viewModel());
    }

    /** Docs/decisions/0015: the cards keep their keys beside the data folder; the terminal's files hold none. */
    private static void assertNoChipKeyIn(Path data, PlatformCenter center, List<VirtualChip> cards) throws Exception {
        List<byte[]> keys = new ArrayList<>();
        for (VirtualChip card : cards) {
            keys.add(ChipCards.staticKey(center, false, card.chipId()));
            keys.add(ChipCards.staticKey(center, true, card.chipId()));
        }
        List<Path> files;
        try (var walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"));
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            for (byte[] key : keys) {
                for (String form : List.of(new String(key, StandardCharsets.ISO_8859_1), HexFormat.of().formatHex(key),
                        HexFormat.of().withUpperCase().formatHex(key), Base64.getEncoder().withoutPadding().encodeToString(key))) {
                    assertThat(content.indexOf(form)).as("a chip key in %s", data.relativize(file)).isEqualTo(-1);
                }
            }
        }
    }
}
