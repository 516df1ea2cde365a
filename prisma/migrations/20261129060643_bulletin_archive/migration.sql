-- A released bulletin is the archive of what was sent: the database itself refuses to change its
-- content, comment, PDF bytes, checksum or release, or to delete it, whatever code path tries. Drafts
-- stay editable. (A later migration that redefines the Bulletin table must create these again.)
CREATE TRIGGER "Bulletin_released_is_archived" BEFORE UPDATE ON "Bulletin"
WHEN OLD."state" = 'RELEASED' AND (
  NEW."state" IS NOT OLD."state" OR NEW."content" IS NOT OLD."content" OR NEW."comment" IS NOT OLD."comment"
  OR NEW."pdf" IS NOT OLD."pdf" OR NEW."pdfSha256" IS NOT OLD."pdfSha256" OR NEW."releasedAt" IS NOT OLD."releasedAt"
  OR NEW."departmentId" IS NOT OLD."departmentId" OR NEW."month" IS NOT OLD."month" OR NEW."revision" IS NOT OLD."revision"
)
BEGIN
  SELECT RAISE(ABORT, 'a released Bulletin is archived and cannot change');
END;

CREATE TRIGGER "Bulletin_released_no_delete" BEFORE DELETE ON "Bulletin"
WHEN OLD."state" = 'RELEASED'
BEGIN
  SELECT RAISE(ABORT, 'a released Bulletin is archived and cannot be deleted');
END;
