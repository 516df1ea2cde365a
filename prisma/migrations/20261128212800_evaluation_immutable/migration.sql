-- Ratings are immutable citizen data (好差评: a rating is never edited or deleted; a wrong bad review is
-- excluded only through an appeal, recorded elsewhere). The table is its own append-only record, so the
-- database refuses any change or removal, whatever code path tries.
CREATE TRIGGER "Evaluation_no_update" BEFORE UPDATE ON "Evaluation"
BEGIN
  SELECT RAISE(ABORT, 'Evaluation is append-only');
END;

CREATE TRIGGER "Evaluation_no_delete" BEFORE DELETE ON "Evaluation"
BEGIN
  SELECT RAISE(ABORT, 'Evaluation is append-only');
END;
