-- CreateIndex
CREATE INDEX "Evaluation_caseId_idx" ON "Evaluation"("caseId");
