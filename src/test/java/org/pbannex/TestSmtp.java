package org.pbannex;

import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The test SMTP server (GreenMail) on a port the system picks, so test JVMs running side by side never share one. */
public final class TestSmtp {

    public static final ServerSetup SETUP = ServerSetupTest.SMTP.dynamicPort();

    private TestSmtp() {
    }
}
