package io.ribao.ingest.cli;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/** {@code java -jar report-ingest.jar mint-token}: prints a new bearer token and its SHA-256 for the roster. */
public final class MintTokenCommand extends Command {

    public MintTokenCommand() {
        super("mint-token", "Prints a new random bearer token and the SHA-256 hex to put in the roster");
    }

    @Override
    public void configure(Subparser subparser) {
        // no options: a token is always 256 random bits
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) {
        MintToken.print(MintToken.mint(), System.out);
    }
}
