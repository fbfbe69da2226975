package dev.tessera.reader.sim;

import com.licel.jcardsim.base.ApduCase;
import com.licel.jcardsim.base.SimulatorRuntime;
import java.lang.reflect.Field;
import javacard.framework.APDU;

/**
 * jCardSim's runtime with the extended Le of the Java Card specification: jCardSim 3.0.5 hands the applet an
 * extended Le of 0000 (Ne 65,536) as 0, the same as no Le at all, and one above 7FFF as a negative number;
 * {@code APDU.setOutgoing()} must return 32,767 for both (JC 3.0.5 API, "T=1 (Case 2E, 4E)"). Without this the
 * simulated chip could not tell a LIST with Le 0000 from one without Le.
 */
final class JavaCardLengthRuntime extends SimulatorRuntime {

    private static final short MAX_NE = Short.MAX_VALUE;
    private static final int LE_SLOT = 0;
    private static final Field RAM_VARS;

    static {
        try {
            RAM_VARS = APDU.class.getDeclaredField("ramVars");
            RAM_VARS.setAccessible(true);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    protected void resetAPDU(APDU apdu, ApduCase apduCase, byte[] command) {
        super.resetAPDU(apdu, apduCase, command);
        if (command == null || (apduCase != ApduCase.Case2Extended && apduCase != ApduCase.Case4Extended)) {
            return;
        }
        int le = ((command[command.length - 2] & 0xFF) << 8) | (command[command.length - 1] & 0xFF);
        if (le == 0 || le > MAX_NE) {
            try {
                ((short[]) RAM_VARS.get(apdu))[LE_SLOT] = MAX_NE;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("jCardSim's APDU changed: " + e, e);
            }
        }
    }
}
