package org.tic.project.domain;

import java.math.BigDecimal;

public record FundingSource(FundingType type, String provider, BigDecimal amount, String currency, String note) {
}
