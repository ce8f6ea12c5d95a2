package dev.wasmlayout.cli;

import picocli.CommandLine.IVersionProvider;

final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"wasm-layout " + (v == null ? "development build" : v)};
    }
}
