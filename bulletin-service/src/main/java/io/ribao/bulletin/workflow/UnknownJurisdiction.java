package io.ribao.bulletin.workflow;

/** No jurisdiction of that id in the roster read model; answered 404. */
public final class UnknownJurisdiction extends RuntimeException {

    public UnknownJurisdiction(String jurisdictionId) {
        super("unknown jurisdiction '" + jurisdictionId + "'");
    }
}
