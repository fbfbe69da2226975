package dev.tessera.desktop.organizer;

import dev.tessera.designer.i18n.Messages;
import dev.tessera.desktop.ui.Localization;
import dev.tessera.desktop.workspace.Workspace;
import dev.tessera.desktop.workspace.WorkspaceContext;
import javafx.scene.Node;

/**
 * The event organizer apparatus (claims 29 b-d, 30, 71, 73, 74): venues with the seat designer
 * embedded, events with their service information, seller authorizations, publishing.
 */
public final class OrganizerWorkspace implements Workspace {
    private final VenuesViewModel venues;
    private final OrganizerEventsViewModel events;
    private final AuthorizationsViewModel authorizations;
    private final EventChangeViewModel eventChanges;
    private final EventTaxViewModel tax;
    private final Localization l10n;
    private OrganizerView view;

    private OrganizerWorkspace(WorkspaceContext context) {
        this.l10n = context.l10n();
        this.venues = new VenuesViewModel(context.session(), context.tasks());
        this.events = new OrganizerEventsViewModel(context.session(), context.tasks(), context.clock());
        this.authorizations = new AuthorizationsViewModel(context.session(), context.tasks(), events.events(), events::load);
        this.eventChanges = new EventChangeViewModel(context.session(), context.tasks(), context.dialogs(),
                context.clock(), events.selectedProperty(), events::load);
        this.tax = new EventTaxViewModel(context.session(), context.tasks());
    }

    public static Workspace open(WorkspaceContext context) {
        return new OrganizerWorkspace(context);
    }

    @Override
    public String id() {
        return "organizer";
    }

    @Override
    public String titleKey() {
        return "workspace.organizer";
    }

    @Override
    public Node view() {
        if (view == null) {
            // the embedded designer's own texts follow the app's language
            Messages.setLocale(l10n.getLocale());
            l10n.localeProperty().addListener((obs, old, now) -> Messages.setLocale(now));
            view = new OrganizerView(this, l10n);
        }
        return view;
    }

    /** The events' tax rates per category and invoice issuer (issue 17). */
    public EventTaxViewModel tax() {
        return tax;
    }

    /** Cancelling or moving the selected event (issue 14). */
    public EventChangeViewModel eventChanges() {
        return eventChanges;
    }

    @Override
    public void start() {
        venues.load();
        events.load();
    }

    @Override
    public void focusDefault() {
        if (view != null) {
            view.focusDefault();
        }
    }

    @Override
    public void close() {
        // nothing runs in the background between calls: no timers or streams to stop
    }

    public VenuesViewModel venues() {
        return venues;
    }

    public OrganizerEventsViewModel events() {
        return events;
    }

    public AuthorizationsViewModel authorizations() {
        return authorizations;
    }
}
