package io.ribao.bulletin.document;

/** A unit named in 五、通报, with an optional detail (e.g. the concealment evidence or the delegate's name). */
public record NamedUnit(String unitId, String name, String detail) {
}
