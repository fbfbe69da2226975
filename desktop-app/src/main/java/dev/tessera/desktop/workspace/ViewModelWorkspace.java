package dev.tessera.desktop.workspace;

import java.util.function.Function;
import javafx.scene.Node;

/**
 * A workspace that is one view model and one view built from it on first show: the view model loads when the tab
 * starts and closes with it; the view takes the keyboard when the tab is selected. The gate's and the manager's
 * workspaces are this; the counter and the organizer compose several view models and implement
 * {@link Workspace} themselves.
 */
public abstract class ViewModelWorkspace<M extends ViewModelWorkspace.Model, V extends Node & ViewModelWorkspace.Focusable>
        implements Workspace {

    /** What the workspace starts and stops. */
    public interface Model extends AutoCloseable {
        /** Starts loading, off the UI thread through the workspace's task executor. */
        void load();

        @Override
        void close();
    }

    /** A view that knows where the keyboard belongs. */
    public interface Focusable {
        void focusDefault();
    }

    private final String id;
    private final String titleKey;
    private final M viewModel;
    private final Function<M, V> viewFactory;
    private V view;

    protected ViewModelWorkspace(String id, String titleKey, M viewModel, Function<M, V> viewFactory) {
        this.id = id;
        this.titleKey = titleKey;
        this.viewModel = viewModel;
        this.viewFactory = viewFactory;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String titleKey() {
        return titleKey;
    }

    @Override
    public final Node view() {
        if (view == null) {
            view = viewFactory.apply(viewModel);
        }
        return view;
    }

    @Override
    public final void start() {
        viewModel.load();
    }

    @Override
    public final void focusDefault() {
        if (view != null) {
            view.focusDefault();
        }
    }

    /** The view model, for tests and for the shell's keyboard shortcuts. */
    public final M viewModel() {
        return viewModel;
    }

    @Override
    public final void close() {
        viewModel.close();
    }
}
