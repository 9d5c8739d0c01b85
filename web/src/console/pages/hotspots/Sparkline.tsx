/** A small bar line of counts over the period: enough to see a rise without loading a chart library. */
export function Sparkline({ values, label }: { values: readonly number[]; label: string }) {
  const max = Math.max(1, ...values);
  const w = 6;
  const gap = 2;
  const h = 24;
  return (
    <svg width={values.length * (w + gap)} height={h} role="img" aria-label={label}>
      {values.map((v, i) => {
        const bh = Math.max(v > 0 ? 2 : 0, Math.round((v / max) * h));
        return <rect key={i} x={i * (w + gap)} y={h - bh} width={w} height={bh} rx={1} fill={i >= values.length - 2 ? '#d4380d' : '#1677ff'} opacity={0.85} />;
      })}
    </svg>
  );
}
