-- DropIndex
DROP INDEX "Evaluation_centerId_ratedAt_idx";

-- CreateIndex
CREATE INDEX "Case_centerId_completedAt_windowId_handledById_dueAt_idx" ON "Case"("centerId", "completedAt", "windowId", "handledById", "dueAt");

-- CreateIndex
CREATE INDEX "Evaluation_centerId_ratedAt_windowId_staffId_level_bound_defaulted_idx" ON "Evaluation"("centerId", "ratedAt", "windowId", "staffId", "level", "bound", "defaulted");
