"use client";

import { useLocale } from "next-intl";
import { useMemo } from "react";

/** An axis tick for counts in the viewer's language, short enough for the axis at a retailer's size: 220K, 1,2 Mio. */
export function useCompactCount(): (value: number) => string {
  const locale = useLocale();
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
    return (value: number) => format.format(value);
  }, [locale]);
}
