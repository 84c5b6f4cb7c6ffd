package dev.mtl4j.runtime;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The tests run on the kernel a program would: the choice is made when the test JVM's launcher
 * session opens, before any test touches ND4J (registered in META-INF/services).
 */
public final class BlasKernelForTests implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        BlasKernel.apply();
    }
}
