package dev.quorum.sim;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the provider simulator as its own process, for local demos and for a benchmark that must keep the
 * simulator's CPU apart from Quorum's: {@code SimulatorMain [--port N]} (default 8089), until killed.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8089;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else if (args[i].matches("\\d+")) {
                port = Integer.parseInt(args[i]);
            } else {
                System.err.println("usage: SimulatorMain [--port N]");
                System.exit(2);
            }
        }
        ProviderSimulator simulator = ProviderSimulator.start(port);
        System.out.println("Provider simulator listening on http://127.0.0.1:" + simulator.port());
        for (WireFormat format : WireFormat.values()) {
            System.out.println("  " + format.segment() + ": " + simulator.baseUrl("<id>", format).replace("%3Cid%3E", "<id>"));
        }
        System.out.println("  admin: PUT /_sim/<id>/script, GET /_sim/<id>/calls, DELETE /_sim");
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        new CountDownLatch(1).await();
    }
}
