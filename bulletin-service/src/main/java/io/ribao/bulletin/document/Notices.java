package io.ribao.bulletin.document;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * 五、通报: the units named for being late, missing, unsigned, signed by a delegate (代签) or suspected of concealment,
 * and the addendum: units whose report for the day before arrived after that day's bulletin cutoff (补报).
 */
public record Notices(List<NamedUnit> late, List<NamedUnit> missing, List<NamedUnit> unsigned,
                      List<NamedUnit> delegateSigned, List<NamedUnit> concealmentSuspected,
                      List<NamedUnit> previousDayAfterCutoff) {

    public Notices {
        late = List.copyOf(late);
        missing = List.copyOf(missing);
        unsigned = List.copyOf(unsigned);
        delegateSigned = List.copyOf(delegateSigned);
        concealmentSuspected = List.copyOf(concealmentSuspected);
        previousDayAfterCutoff = previousDayAfterCutoff == null ? List.of() : List.copyOf(previousDayAfterCutoff);
    }

    public Notices(List<NamedUnit> late, List<NamedUnit> missing, List<NamedUnit> unsigned,
                   List<NamedUnit> delegateSigned, List<NamedUnit> concealmentSuspected) {
        this(late, missing, unsigned, delegateSigned, concealmentSuspected, List.of());
    }

    @JsonIgnore
    public boolean isEmpty() {
        return late.isEmpty() && missing.isEmpty() && unsigned.isEmpty() && delegateSigned.isEmpty()
                && concealmentSuspected.isEmpty() && previousDayAfterCutoff.isEmpty();
    }
}
