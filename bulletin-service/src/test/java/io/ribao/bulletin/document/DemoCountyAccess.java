package io.ribao.bulletin.document;

/** Lets tests in other packages use the demo county's day. */
public final class DemoCountyAccess {

    private DemoCountyAccess() {
    }

    public static DraftInputs inputs() {
        return DemoCounty.inputs("");
    }
}
