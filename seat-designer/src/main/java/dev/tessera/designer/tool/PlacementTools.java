package dev.tessera.designer.tool;

import dev.tessera.core.seatmap.Point;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.job.BatchJob;
import dev.tessera.designer.job.Job;
import dev.tessera.designer.job.PropertyEdit;
import dev.tessera.designer.job.SetPropertiesJob;
import dev.tessera.designer.job.StructureJob;
import dev.tessera.designer.model.DesignArea;
import dev.tessera.designer.model.DesignGate;
import dev.tessera.designer.model.DesignSection;
import dev.tessera.designer.model.DocumentChange;
import dev.tessera.designer.model.IdAllocator;
import dev.tessera.designer.model.Placement;
import dev.tessera.designer.model.PlanLabel;
import dev.tessera.designer.model.PlanTable;
import dev.tessera.designer.model.SeatDocument;
import dev.tessera.designer.model.StageShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.paint.Color;

/** The tools that place one thing: a section, a gate, a label, a table, the stage, a standing area. */
public final class PlacementTools {
    private PlacementTools() {}

    private static Point snapped(ToolContext context, PlanPointer p) {
        return DragTool.snapped(context, p);
    }

    /** A click-only tool: the action runs on release. */
    private abstract static class ClickTool implements Tool {
        @Override
        public void pressed(ToolContext context, PlanPointer pointer) {}

        @Override
        public void dragged(ToolContext context, PlanPointer pointer) {}
    }

    /**
     * Like seats.io's: clicks add corners of the section's outline; a double click, Enter or a click on the first
     * corner closes it (three corners at least) and adds the section, which becomes the target of the row tool;
     * Escape drops the outline. Nothing is added before the outline closes.
     */
    public static final class SectionTool extends OutlineTool<DesignSection> {
        @Override
        public String nameKey() {
            return "tool.section";
        }

        @Override
        protected DesignSection add(ToolContext context, List<Point> corners) {
            SeatDocument document = context.document();
            int number = document.sections().size() + 1;
            DesignSection section = new DesignSection(new IdAllocator(document).allocate("S" + number),
                    Messages.get("section.defaultName", number));
            section.setOutline(corners);
            context.push(StructureJob.add(document, List.of(new Placement.OfSection(-1, section)),
                    Messages.get("job.addSection", section.name())));
            context.options().section.set(section);
            return section;
        }

        @Override
        protected Color color() {
            return Color.web("#5C6BC0");
        }
    }

    /** Click: an entrance gate. */
    public static final class GateTool extends ClickTool {
        @Override
        public String nameKey() {
            return "tool.gate";
        }

        @Override
        public void released(ToolContext context, PlanPointer p) {
            SeatDocument document = context.document();
            int number = document.gates().size() + 1;
            Point at = snapped(context, p);
            DesignGate gate = new DesignGate(new IdAllocator(document).allocate("gate-" + number),
                    Messages.get("gate.defaultName", number), at.x(), at.y());
            context.push(StructureJob.add(document, List.of(new Placement.OfGate(-1, gate)),
                    Messages.get("job.addGate", gate.name())));
            context.selection().select(List.of(gate));
        }
    }

    /** Click: a text label; its text is edited in the properties panel. */
    public static final class LabelTool extends ClickTool {
        @Override
        public String nameKey() {
            return "tool.label";
        }

        @Override
        public void released(ToolContext context, PlanPointer p) {
            String text = context.options().labelText.get();
            if (text == null || text.isBlank()) {
                text = Messages.get("label.defaultText");
            }
            Point at = snapped(context, p);
            PlanLabel label = new PlanLabel(text, at.x(), at.y(), context.options().labelSize.get());
            context.push(StructureJob.add(context.document(), List.of(new Placement.OfLabel(-1, label)),
                    Messages.get("job.addLabel")));
            context.selection().select(List.of(label));
        }
    }

    /** Click: a round table with seats around it, as a new row of the target section. */
    public static final class TableTool extends ClickTool {
        @Override
        public String nameKey() {
            return "tool.table";
        }

        @Override
        public void released(ToolContext context, PlanPointer p) {
            SeatDocument document = context.document();
            Point centre = snapped(context, p);
            double radius = context.options().tableRadius.get();
            int seats = Math.max(1, context.options().tableSeats.get());
            List<Point> positions = RowGeometry.aroundTable(centre, radius, seats);
            NewElements.AddedSeats added = NewElements.rows(document, context.targetSection(), List.of(positions),
                    context.targetCategory(), Messages.get("job.addTable", seats));
            PlanTable table = new PlanTable(centre.x(), centre.y(), radius);
            Job addTable = StructureJob.add(document, List.of(new Placement.OfTable(-1, table)), "");
            context.push(new BatchJob(Messages.get("job.addTable", seats), List.of(added.job(), addTable)));
            context.selection().select(added.seats());
        }
    }

    /** Drag: the stage rectangle; the focal point moves to the middle of its front (lower) edge. */
    public static final class StageTool extends DragTool {
        @Override
        public String nameKey() {
            return "tool.stage";
        }

        @Override
        protected void finish(ToolContext context) {
            SeatDocument document = context.document();
            double minX = Math.min(start.x(), end.x());
            double maxX = Math.max(start.x(), end.x());
            double minY = Math.min(start.y(), end.y());
            double maxY = Math.max(start.y(), end.y());
            List<PropertyEdit<?, ?>> edits = new ArrayList<>();
            if (maxX - minX > 1 && maxY - minY > 1) {
                edits.add(new PropertyEdit<>(document, SeatDocument::setStage, document.stage().orElse(null),
                        new StageShape(minX, minY, maxX, maxY)));
                edits.add(new PropertyEdit<>(document, SeatDocument::setFocalPoint, document.focalPoint(),
                        new Point((minX + maxX) / 2, maxY)));
            } else {
                // a click only moves the focal point
                edits.add(new PropertyEdit<>(document, SeatDocument::setFocalPoint, document.focalPoint(),
                        new Point(minX, minY)));
            }
            context.push(new SetPropertiesJob(document, edits, DocumentChange.Kind.LAYOUT, Messages.get("job.stage")));
        }

        @Override
        public void paint(ToolContext context, GraphicsContext g) {
            if (start == null) {
                return;
            }
            var v = context.viewport();
            double x0 = v.toScreenX(Math.min(start.x(), end.x()));
            double y0 = v.toScreenY(Math.min(start.y(), end.y()));
            g.setStroke(Color.web("#37474F"));
            g.setLineDashes(6, 4);
            g.strokeRect(x0, y0, Math.abs(end.x() - start.x()) * v.scale(), Math.abs(end.y() - start.y()) * v.scale());
        }
    }

    /**
     * Clicks add corners of an outline; a double click, Enter or a click on the first corner closes it (three corners
     * at least) and {@link #add}s what it outlines; Escape drops it.
     */
    public abstract static class OutlineTool<T> implements Tool {
        private final List<Point> corners = new ArrayList<>();
        private Point hover;

        /** Adds the element the closed outline makes; null when it cannot be added (nothing is then kept). */
        protected abstract T add(ToolContext context, List<Point> corners);

        protected abstract Color color();

        @Override
        public void pressed(ToolContext context, PlanPointer p) {}

        @Override
        public void dragged(ToolContext context, PlanPointer p) {
            hover = snapped(context, p);
            context.repaintOverlay();
        }

        @Override
        public void moved(ToolContext context, PlanPointer p) {
            hover = snapped(context, p);
            if (!corners.isEmpty()) {
                context.repaintOverlay();
            }
        }

        @Override
        public void released(ToolContext context, PlanPointer p) {
            Point at = snapped(context, p);
            double closeDistance = 8 / context.viewport().scale();
            if (!corners.isEmpty() && p.clickCount() >= 2) {
                Point last = corners.getLast();
                if (Math.hypot(at.x() - last.x(), at.y() - last.y()) < closeDistance) {
                    // the double click's first click already added this corner
                    if (corners.size() >= 3) {
                        finish(context);
                    }
                    return;
                }
            }
            if (corners.size() >= 3) {
                Point first = corners.getFirst();
                if (Math.hypot(at.x() - first.x(), at.y() - first.y()) < closeDistance) {
                    finish(context);
                    return;
                }
            }
            corners.add(at);
            context.repaintOverlay();
        }

        @Override
        public boolean keyPressed(ToolContext context, KeyEvent event) {
            if (event.getCode() == KeyCode.ENTER && corners.size() >= 3) {
                finish(context);
                return true;
            }
            if (event.getCode() == KeyCode.ESCAPE && !corners.isEmpty()) {
                cancel(context);
                return true;
            }
            return false;
        }

        @Override
        public void cancel(ToolContext context) {
            corners.clear();
            context.repaintOverlay();
        }

        /** The corners clicked so far. */
        public List<Point> corners() {
            return List.copyOf(corners);
        }

        /** Closes the outline now (the keyboard path and tests). */
        public Optional<T> finish(ToolContext context) {
            if (corners.size() < 3) {
                return Optional.empty();
            }
            T added = add(context, List.copyOf(corners));
            if (added == null) {
                return Optional.empty();
            }
            corners.clear();
            context.repaintOverlay();
            return Optional.of(added);
        }

        @Override
        public void paint(ToolContext context, GraphicsContext g) {
            if (corners.isEmpty()) {
                return;
            }
            var v = context.viewport();
            g.setStroke(color());
            g.setLineWidth(1.5);
            g.beginPath();
            g.moveTo(v.toScreenX(corners.getFirst().x()), v.toScreenY(corners.getFirst().y()));
            for (Point c : corners) {
                g.lineTo(v.toScreenX(c.x()), v.toScreenY(c.y()));
            }
            if (hover != null) {
                g.lineTo(v.toScreenX(hover.x()), v.toScreenY(hover.y()));
            }
            g.stroke();
            g.setFill(color());
            for (Point c : corners) {
                g.fillRect(v.toScreenX(c.x()) - 3, v.toScreenY(c.y()) - 3, 6, 6);
            }
        }
    }

    /** An outline whose closing adds a standing area of the target category. */
    public static final class AreaTool extends OutlineTool<DesignArea> {
        @Override
        public String nameKey() {
            return "tool.area";
        }

        @Override
        protected DesignArea add(ToolContext context, List<Point> corners) {
            if (context.targetCategory() == null) {
                return null;
            }
            SeatDocument document = context.document();
            int number = document.areas().size() + 1;
            DesignArea area = new DesignArea(new IdAllocator(document).allocate("AREA-" + number),
                    Messages.get("area.defaultName", number), context.targetCategory(),
                    Math.max(1, context.options().areaCapacity.get()), corners);
            context.push(StructureJob.add(document, List.of(new Placement.OfArea(-1, area)),
                    Messages.get("job.addArea", area.name())));
            context.selection().select(List.of(area));
            return area;
        }

        @Override
        protected Color color() {
            return Color.web("#00897B");
        }
    }
}
