package dev.tessera.designer.io;

import dev.tessera.core.seatmap.SeatFlag;
import dev.tessera.designer.i18n.Messages;
import dev.tessera.designer.job.StructureJob;
import dev.tessera.designer.model.DesignRow;
import dev.tessera.designer.model.DesignSeat;
import dev.tessera.designer.model.DesignSection;
import dev.tessera.designer.model.IdAllocator;
import dev.tessera.designer.model.Placement;
import dev.tessera.designer.model.SeatDocument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Imports seats from CSV (RFC 4180 quoting, comma-separated, UTF-8) with a header naming the
 * columns {@code section,row,seat,x,y,category} and optionally {@code flags} (separated by
 * {@code |}) and {@code id}, in any order. Sections are matched by id, then by name, and created
 * when missing; rows are matched by label within their section. The whole file is checked before
 * anything changes; the result is one undoable job.
 */
public final class CsvImport {
    private static final List<String> REQUIRED = List.of("section", "row", "seat", "x", "y", "category");

    /** The parsed file as a job that adds it, and the seats it adds. */
    public record Result(StructureJob job, List<DesignSeat> seats) {}

    private CsvImport() {}

    public static Result read(Reader reader, SeatDocument document) throws DesignerFileException {
        List<List<String>> lines;
        try {
            lines = parse(reader);
        } catch (IOException failure) {
            throw new DesignerFileException(failure.getMessage(), failure);
        }
        if (lines.isEmpty()) {
            throw new DesignerFileException(Messages.get("csv.error.none"), null);
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = lines.getFirst();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        if (!column.keySet().containsAll(REQUIRED)) {
            throw new DesignerFileException(Messages.get("csv.error.header", String.join(",", header)), null);
        }
        IdAllocator ids = new IdAllocator(document);
        List<Placement> placements = new ArrayList<>();
        List<DesignSeat> seats = new ArrayList<>();
        Map<String, DesignSection> sections = new LinkedHashMap<>();
        Map<String, DesignRow> rows = new HashMap<>();
        Map<DesignRow, Integer> rowSizes = new HashMap<>();
        for (int lineIndex = 1; lineIndex < lines.size(); lineIndex++) {
            List<String> values = lines.get(lineIndex);
            int lineNumber = lineIndex + 1;
            if (values.size() == 1 && values.getFirst().isBlank()) {
                continue;
            }
            if (values.size() != header.size()) {
                throw new DesignerFileException(Messages.get("csv.error.columns", lineNumber, header.size(), values.size()), null);
            }
            String sectionKey = required(values, column, "section", lineNumber);
            String rowLabel = required(values, column, "row", lineNumber);
            String seatLabel = required(values, column, "seat", lineNumber);
            double x = number(values, column, "x", lineNumber);
            double y = number(values, column, "y", lineNumber);
            String category = required(values, column, "category", lineNumber);
            if (document.category(category).isEmpty()) {
                List<String> declared = document.categories().stream().map(c -> c.id()).toList();
                throw new DesignerFileException(Messages.get("csv.error.category", lineNumber, category,
                        String.join(", ", declared)), null);
            }
            Set<SeatFlag> flags = EnumSet.noneOf(SeatFlag.class);
            if (column.containsKey("flags")) {
                for (String flag : values.get(column.get("flags")).split("\\|")) {
                    if (!flag.isBlank()) {
                        try {
                            flags.add(SeatFlag.valueOf(flag.trim().toUpperCase(Locale.ROOT)));
                        } catch (IllegalArgumentException unknown) {
                            throw new DesignerFileException(Messages.get("csv.error.flag", lineNumber, flag.trim()), unknown);
                        }
                    }
                }
            }
            DesignSection section = sections.computeIfAbsent(sectionKey, key -> document.sections().stream()
                    .filter(s -> s.id().equals(key) || s.name().equals(key)).findFirst()
                    .orElseGet(() -> {
                        DesignSection created = new DesignSection(ids.allocate(key), key);
                        placements.add(new Placement.OfSection(-1, created));
                        return created;
                    }));
            DesignRow row = rows.computeIfAbsent(section.id() + "\u0000" + rowLabel, key -> section.rows().stream()
                    .filter(r -> r.label().equals(rowLabel)).findFirst()
                    .orElseGet(() -> {
                        DesignRow created = new DesignRow(ids.allocate(section.id() + "-" + rowLabel), rowLabel);
                        placements.add(new Placement.OfRow(section, -1, created));
                        return created;
                    }));
            String wantedId = column.containsKey("id") ? values.get(column.get("id")).trim() : "";
            String id = ids.allocate(wantedId.isEmpty() ? row.id() + "-" + seatLabel : wantedId);
            DesignSeat seat = new DesignSeat(id, seatLabel, x, y, category, flags);
            int index = rowSizes.merge(row, 1, Integer::sum) - 1 + row.seats().size();
            placements.add(new Placement.OfSeat(row, index, seat));
            seats.add(seat);
        }
        if (seats.isEmpty()) {
            throw new DesignerFileException(Messages.get("csv.error.none"), null);
        }
        return new Result(StructureJob.add(document, placements, Messages.get("job.import", seats.size())), seats);
    }

    private static String required(List<String> values, Map<String, Integer> column, String name, int line)
            throws DesignerFileException {
        String value = values.get(column.get(name)).trim();
        if (value.isEmpty()) {
            throw new DesignerFileException(Messages.get("csv.error.empty", line, name), null);
        }
        return value;
    }

    private static double number(List<String> values, Map<String, Integer> column, String name, int line)
            throws DesignerFileException {
        String value = required(values, column, name, line);
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException(value);
            }
            return parsed;
        } catch (NumberFormatException notNumber) {
            throw new DesignerFileException(Messages.get("csv.error.number", line, name, value), notNumber);
        }
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> parse(Reader reader) throws IOException, DesignerFileException {
        BufferedReader in = new BufferedReader(reader);
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int c;
        while ((c = in.read()) != -1) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                lines.add(fields);
                fields = new ArrayList<>();
                line++;
            } else if (c == '\uFEFF' && lines.isEmpty() && fields.isEmpty() && field.isEmpty()) {
                continue;
            } else {
                field.append((char) c);
            }
        }
        if (quoted) {
            throw new DesignerFileException(Messages.get("csv.error.quote", line), null);
        }
        if (any && (!field.isEmpty() || !fields.isEmpty())) {
            fields.add(field.toString());
            lines.add(fields);
        }
        return lines;
    }
}
