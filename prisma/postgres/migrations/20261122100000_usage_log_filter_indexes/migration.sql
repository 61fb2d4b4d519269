-- CreateIndex
CREATE INDEX "UsageLog_userId_model_createdAt_idx" ON "UsageLog"("userId", "model", "createdAt");

-- CreateIndex
CREATE INDEX "UsageLog_userId_endpoint_createdAt_idx" ON "UsageLog"("userId", "endpoint", "createdAt");

