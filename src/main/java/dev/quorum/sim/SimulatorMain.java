package dev.quorum.sim;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the provider simulator as its own process, for local demos and for a benchmark that must keep the
 * simulator's CPU apart from Quorum's: {@code SimulatorMain [--port N]} (default
 * {@code QUORUM_SIMULATOR_PORT}, else 8089), until killed.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String fromEnvironment = System.getenv("QUORUM_SIMULATOR_PORT");
        int port = fromEnvironment == null || fromEnvironment.isBlank() ? 8089 : Integer.parseInt(fromEnvironment.trim());
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
            System.out.println("  " + format.segment() + ": " + simulator.baseUrl("ID", format).replace("/ID/", "/<id>/"));
        }
        System.out.println("  admin: PUT /_sim/<id>/script, GET /_sim/<id>/calls, GET /_sim/<id>/received, DELETE /_sim");
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        new CountDownLatch(1).await();
    }
}
