-- The roster's report forms (ribao.roster.forms), one row per metric in the form's order: the bulletin takes its
-- metric names and column order from here (decision 353). Derived: a rebuild replays it like the other read models.
CREATE TABLE form_metrics (
    form_id   text NOT NULL,
    position  int  NOT NULL,
    code      text NOT NULL,
    name      text NOT NULL,
    PRIMARY KEY (form_id, position)
);
