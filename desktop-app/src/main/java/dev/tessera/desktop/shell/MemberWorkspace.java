package dev.tessera.desktop.shell;

import dev.tessera.desktop.events.SeatAvailabilityViewModel;
import dev.tessera.desktop.member.MemberCards;
import dev.tessera.desktop.member.MemberShopViewModel;
import dev.tessera.desktop.member.MemberView;
import dev.tessera.desktop.member.MemberViewModel;
import dev.tessera.desktop.workspace.Workspace;
import dev.tessera.desktop.workspace.WorkspaceContext;
import dev.tessera.desktop.workspace.WorkspaceFactory;
import javafx.scene.Node;

/**
 * A member's own workspace (issue 14): their cards, tickets and transfers. The member package knows nothing of the
 * shell (no package cycle): this adapter gives its view model and view the {@link Workspace} life cycle. The card is
 * reached on the PC/SC reader chosen in Settings, else on the simulated reader's tray.
 */
public final class MemberWorkspace implements Workspace {
    public static final String ID = "member";
    public static final WorkspaceFactory FACTORY = MemberWorkspace::new;

    private final WorkspaceContext context;
    private final MemberViewModel viewModel;
    private final MemberShopViewModel shop;
    /** The PC/SC reader opened for this workspace, closed with it; null on the simulated reader. */
    private final dev.tessera.desktop.counter.PcscCounterReader pcsc;
    private MemberView view;

    private MemberWorkspace(WorkspaceContext context) {
        this.context = context;
        this.pcsc = context.pcscReader().map(name -> new dev.tessera.desktop.counter.PcscCounterReader(name,
                new java.security.SecureRandom())).orElse(null);
        MemberCards.Reader reader = pcsc != null ? MemberCards.reader(pcsc) : MemberCards.tray(context.virtualChips());
        MemberCards cards = new MemberCards(context.session(), reader);
        this.viewModel = new MemberViewModel(context.session(), cards, context.tasks(), context.dialogs());
        this.shop = new MemberShopViewModel(context.session(), cards, context.tasks(),
                new SeatAvailabilityViewModel(context.session(), context.tasks()), () -> viewModel.cardProperty().get(),
                viewModel::refreshNow, java.time.Clock.systemUTC());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String titleKey() {
        return "workspace.member";
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new MemberView(viewModel, shop, context.l10n());
        }
        return view;
    }

    @Override
    public void start() {
        viewModel.load();
        shop.load();
    }

    @Override
    public void focusDefault() {
        if (view != null) {
            view.focusDefault();
        }
    }

    /** The view model, for tests. */
    public MemberViewModel viewModel() {
        return viewModel;
    }

    /** Buying at home, for tests. */
    public MemberShopViewModel shop() {
        return shop;
    }

    @Override
    public void close() {
        viewModel.close();
        shop.close();
        if (pcsc != null) {
            pcsc.close();
        }
    }
}
