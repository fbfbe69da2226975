package dev.tessera.reader.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.licel.jcardsim.base.Simulator;
import com.licel.jcardsim.base.SimulatorRuntime;
import com.licel.jcardsim.utils.AIDUtil;
import dev.tessera.reader.applet.WalletApplet;
import dev.tessera.reader.wallet.WalletCard;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HexFormat;
import javacard.security.AESKey;
import javacard.security.ECPrivateKey;
import javacard.security.ECPublicKey;
import javacard.security.Key;

/**
 * A simulated chip's persistent memory as JSON, so that a tray of chips outlives the app: the wallet applet's own
 * objects walked field by field (numbers, arrays, and the key values of its EC and AES keys), as a real chip keeps
 * them in EEPROM. Engines (signatures, key agreement, random) hold no state across a reset and are left out. Read
 * back into a freshly installed applet, field by field; an image that does not fit the applet is refused whole.
 */
public final class ChipMemory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final String OWN_PACKAGE = WalletApplet.class.getPackageName();
    private static final int MAX_KEY_BYTES = 128;

    private ChipMemory() {}

    /** The chip's persistent memory, taken while it lies off the reader. */
    public static ObjectNode save(SimulatedChip chip) {
        return saveObject(applet(chip));
    }

    /** A blank chip whose applet then holds what {@code image} says. */
    public static SimulatedChip restore(JsonNode image) throws ChipMemoryException {
        SimulatedChip chip = new SimulatedChip();
        restoreObject(applet(chip), image, "applet");
        return chip;
    }

    private static Object applet(SimulatedChip chip) {
        try {
            Field runtime = Simulator.class.getDeclaredField("runtime");
            runtime.setAccessible(true);
            SimulatorRuntime r = (SimulatorRuntime) runtime.get(chip.simulator());
            return r.lookupApplet(AIDUtil.create(WalletCard.AID)).getApplet();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("jCardSim's runtime is not where this jCardSim keeps it", e);
        }
    }

    private static ObjectNode saveObject(Object object) {
        ObjectNode node = JSON.createObjectNode();
        for (Field f : stateFields(object.getClass())) {
            Object value = read(f, object);
            if (value != null && !kept(value)) {
                continue;
            }
            switch (value) {
                case null -> node.putNull(f.getName());
                case Byte b -> node.put(f.getName(), b);
                case Short s -> node.put(f.getName(), s);
                case Integer i -> node.put(f.getName(), i);
                case Boolean b -> node.put(f.getName(), b);
                case byte[] bytes -> node.put(f.getName(), HEX.formatHex(bytes));
                case short[] shorts -> {
                    ArrayNode array = node.putArray(f.getName());
                    for (short s : shorts) {
                        array.add(s);
                    }
                }
                case Key key -> node.set(f.getName(), saveKey(key));
                default -> {
                    if (own(value)) {
                        node.set(f.getName(), saveObject(value));
                    }
                }
            }
        }
        return node;
    }

    private static JsonNode saveKey(Key key) {
        if (!key.isInitialized()) {
            return JSON.nullNode();
        }
        byte[] buffer = new byte[MAX_KEY_BYTES];
        short length = switch (key) {
            case AESKey k -> k.getKey(buffer, (short) 0);
            case ECPrivateKey k -> k.getS(buffer, (short) 0);
            case ECPublicKey k -> k.getW(buffer, (short) 0);
            default -> throw new IllegalStateException("the applet holds a key this image cannot keep: " + key.getClass());
        };
        return JSON.getNodeFactory().textNode(HEX.formatHex(buffer, 0, length));
    }

    private static void restoreObject(Object object, JsonNode image, String path) throws ChipMemoryException {
        if (image == null || !image.isObject()) {
            throw new ChipMemoryException(path + " is missing from the image");
        }
        for (Field f : stateFields(object.getClass())) {
            String at = path + "." + f.getName();
            JsonNode saved = image.get(f.getName());
            Object value = read(f, object);
            if (value == null || !kept(value)) {
                continue;
            }
            if (saved == null) {
                throw new ChipMemoryException(at + " is missing from the image");
            }
            try {
                switch (value) {
                    case Byte b -> write(f, object, (byte) number(saved, at, Byte.MIN_VALUE, Byte.MAX_VALUE));
                    case Short s -> write(f, object, (short) number(saved, at, Short.MIN_VALUE, Short.MAX_VALUE));
                    case Integer i -> write(f, object, number(saved, at, Integer.MIN_VALUE, Integer.MAX_VALUE));
                    case Boolean b -> write(f, object, saved.asBoolean());
                    case byte[] bytes -> copy(HEX.parseHex(saved.asText()), bytes, at);
                    case short[] shorts -> {
                        if (!saved.isArray() || saved.size() != shorts.length) {
                            throw new ChipMemoryException(at + " has " + saved.size() + " entries, the chip "
                                    + shorts.length);
                        }
                        for (int n = 0; n < shorts.length; n++) {
                            shorts[n] = (short) number(saved.get(n), at, Short.MIN_VALUE, Short.MAX_VALUE);
                        }
                    }
                    case Key key -> restoreKey(key, saved, at);
                    default -> {
                        if (own(value)) {
                            restoreObject(value, saved, at);
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new ChipMemoryException(at + " cannot be read: " + e.getMessage());
            }
        }
    }

    private static void restoreKey(Key key, JsonNode saved, String at) throws ChipMemoryException {
        if (saved.isNull()) {
            key.clearKey();
            return;
        }
        byte[] value = HEX.parseHex(saved.asText());
        switch (key) {
            case AESKey k -> {
                if (value.length * 8 != k.getSize()) {
                    throw new ChipMemoryException(at + " holds " + value.length + " bytes for a " + k.getSize() + "-bit key");
                }
                k.setKey(value, (short) 0);
            }
            case ECPrivateKey k -> k.setS(value, (short) 0, (short) value.length);
            case ECPublicKey k -> k.setW(value, (short) 0, (short) value.length);
            default -> throw new ChipMemoryException(at + " is a key this image cannot restore");
        }
    }

    private static int number(JsonNode saved, String at, int min, int max) throws ChipMemoryException {
        if (saved == null || !saved.isIntegralNumber() || saved.asInt() < min || saved.asInt() > max) {
            throw new ChipMemoryException(at + " is not a number from " + min + " to " + max);
        }
        return saved.asInt();
    }

    private static void copy(byte[] saved, byte[] into, String at) throws ChipMemoryException {
        if (saved.length != into.length) {
            throw new ChipMemoryException(at + " has " + saved.length + " bytes, the chip " + into.length);
        }
        System.arraycopy(saved, 0, into, 0, into.length);
    }

    /** What a chip keeps across a reset: numbers, arrays, key values and the applet's own objects. */
    private static boolean kept(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof byte[] || value instanceof short[]
                || value instanceof Key || own(value);
    }

    private static boolean own(Object value) {
        return value.getClass().getPackageName().equals(OWN_PACKAGE);
    }

    private static java.util.List<Field> stateFields(Class<?> type) {
        java.util.List<Field> fields = new java.util.ArrayList<>();
        for (Class<?> c = type; c != null && c.getPackageName().equals(OWN_PACKAGE); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private static Object read(Field f, Object object) {
        try {
            return f.get(object);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Field f, Object object, Object value) throws ChipMemoryException {
        if (Modifier.isFinal(f.getModifiers())) {
            if (!value.equals(read(f, object))) {
                throw new ChipMemoryException(f.getName() + " is fixed on this applet and differs in the image");
            }
            return;
        }
        try {
            f.set(object, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An image that does not fit the applet: nothing of it was applied to a chip anyone holds. */
    public static final class ChipMemoryException extends Exception {
        public ChipMemoryException(String message) {
            super(message);
        }
    }
}
