-- CreateIndex
CREATE INDEX "Subscription_cycleEnd_idx" ON "Subscription"("cycleEnd");
