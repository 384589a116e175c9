<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Writer\Support;

use OCA\PilotFeedback\Report\Model\Table;

/**
 * How a document shows a table: each column's kind, its cells as text (numbers in the document's
 * language, the same decimals down a column, "no data" in words) and its width, and whether the
 * table needs a landscape page.
 *
 * Ids, dates, codes and numbers never wrap: such a "fixed" column is as wide as its widest cell
 * ("no data" included). A header wraps only between words: every column is at least as wide as
 * its header's longest word. Text columns share what is left, each at least MIN_TEXT_CM (or its
 * text's width when that is less). When that does not fit the portrait text width, the table
 * goes on a landscape page.
 */
final class TableLayout {
	/** Text width of A4 with 2 cm margins, portrait and landscape, in cm. */
	public const PORTRAIT_CM = 17.0;
	public const LANDSCAPE_CM = 25.7;
	/** Decimals of DECIMAL and CHANGE columns (means are rounded to two decimals). */
	public const DECIMALS = 2;
	/** A string column whose cells are single words of at most this many characters is CODE. */
	private const CODE_CHARS = 16;
	private const MIN_TEXT_CM = 4.0;
	/** A longer word in a text column may break (a URL, say) rather than widen the column. */
	private const MAX_WORD_CM = 5.0;
	/** A text column asks for room for at most this many characters on one line. */
	private const TEXT_CHARS = 45;
	/** Font size of table cells (9.5 pt) in cm, and the cell's padding and borders. */
	private const EM_CM = 0.3351;
	private const PADDING_CM = 0.35;
	/** A margin on the estimated width, for a substituted font or rounding in the layout. */
	private const SAFETY = 1.04;
	private const MINUS = "\u{2212}";
	private const NO_BREAK_HYPHEN = "\u{2011}";

	/**
	 * @param list<string> $kinds one per column
	 * @param list<float> $widths one per column, in cm, adding up to the text width
	 */
	private function __construct(
		public readonly int $columns,
		public readonly array $kinds,
		public readonly array $widths,
		public readonly bool $landscape,
		private readonly string $language,
	) {
	}

	public static function of(Table $table, string $language): self {
		$columns = max(1, count($table->header), ...array_map('count', $table->rows ?: [[]]));
		$kinds = [];
		for ($i = 0; $i < $columns; $i++) {
			$kinds[] = $table->columnKinds[$i] ?? self::infer($table->rows, $i);
		}
		$layout = new self($columns, $kinds, [], false, $language);
		return $layout->withWidths($table);
	}

	/** Whether the column holds numbers (right-aligned). */
	public function isNumeric(int $column): bool {
		return in_array($this->kinds[$column] ?? Table::TEXT, [Table::INTEGER, Table::DECIMAL, Table::CHANGE], true);
	}

	/** The text width of the page the table is on, in cm. */
	public function textWidth(): float {
		return $this->landscape ? self::LANDSCAPE_CM : self::PORTRAIT_CM;
	}

	/**
	 * A header as the reader sees it: a hyphen inside a word ("n 2026-11") does not break, as
	 * the column is as wide as the header's longest word but a line may break after a hyphen.
	 */
	public function header(?string $title): string {
		return preg_replace('/(?<=\w)-(?=\w)/u', self::NO_BREAK_HYPHEN, (string)$title) ?? (string)$title;
	}

	/** A cell as the reader sees it. */
	public function cell(string|int|float|null $value, int $column): string {
		if (is_string($value)) {
			return $value;
		}
		if ($value === null || !is_finite((float)$value)) {
			return Words::get('no data', $this->language);
		}
		$kind = $this->kinds[$column] ?? Table::TEXT;
		if ($kind === Table::DECIMAL || $kind === Table::CHANGE) {
			return self::number($value, self::DECIMALS, $kind === Table::CHANGE, $this->language);
		}
		if (is_int($value)) {
			return self::number($value, 0, false, $this->language);
		}
		return Text::displayNumber($value, $this->language);
	}

	/** A number with a fixed number of decimals, a comma in German, a real minus sign; $signed adds "+". */
	public static function number(int|float $value, int $decimals, bool $signed, string $language): string {
		$text = number_format(abs((float)$value), $decimals, $language === 'de' ? ',' : '.', '');
		$zero = (float)number_format(abs((float)$value), $decimals, '.', '') === 0.0;
		if ($zero) {
			return $text;
		}
		if ($value < 0) {
			return self::MINUS . $text;
		}
		return $signed ? '+' . $text : $text;
	}

	/**
	 * @param list<list<string|int|float|null>> $rows
	 */
	private static function infer(array $rows, int $column): string {
		$numbers = 0;
		$floats = 0;
		$strings = 0;
		$long = false;
		foreach ($rows as $row) {
			$cell = $row[$column] ?? null;
			if (is_string($cell)) {
				$strings++;
				$long = $long || mb_strlen($cell) > self::CODE_CHARS || preg_match('/\s/u', $cell) === 1;
			} elseif ($cell !== null) {
				$numbers++;
				$floats += is_float($cell) ? 1 : 0;
			}
		}
		if ($strings === 0) {
			return $floats > 0 ? Table::DECIMAL : ($numbers > 0 ? Table::INTEGER : Table::CODE);
		}
		return $long || $numbers > 0 ? Table::TEXT : Table::CODE;
	}

	private function withWidths(Table $table): self {
		$fixed = [];
		$minimum = [];
		$natural = [];
		foreach ($this->kinds as $i => $kind) {
			$title = $table->header[$i] ?? '';
			$head = self::longestWord($title, true);
			$fixed[$i] = $kind !== Table::TEXT;
			$minimum[$i] = $head;
			$natural[$i] = max($head, self::width($title, true) / 2);
		}
		foreach ($table->rows as $row) {
			foreach ($this->kinds as $i => $kind) {
				$text = $this->cell($row[$i] ?? null, $i);
				if ($fixed[$i]) {
					$minimum[$i] = max($minimum[$i], self::width($text, false));
				} else {
					$minimum[$i] = max($minimum[$i], min(self::MAX_WORD_CM, self::longestWord($text, false)));
					$natural[$i] = max($natural[$i], self::width(mb_substr($text, 0, self::TEXT_CHARS), false));
				}
			}
		}
		$fixedSum = 0.0;
		$textMinimum = 0.0;
		foreach ($minimum as $i => $width) {
			if ($fixed[$i]) {
				$fixedSum += $width;
			} else {
				// A short text needs no more than its natural width.
				$minimum[$i] = max($width, min(self::MIN_TEXT_CM, $natural[$i]));
				$textMinimum += $minimum[$i];
			}
		}
		$landscape = $fixedSum + $textMinimum > self::PORTRAIT_CM;
		$total = $landscape ? self::LANDSCAPE_CM : self::PORTRAIT_CM;
		$widths = $minimum;
		$left = $total - $fixedSum - $textMinimum;
		if ($left < 0) {
			// Not even a landscape page holds the table: every column gives up the same share.
			$widths = array_map(static fn (float $w): float => $w * $total / ($fixedSum + $textMinimum), $minimum);
		} else {
			$text = array_keys(array_filter($fixed, static fn (bool $f): bool => !$f));
			// First up to its natural width, in proportion to what each text column lacks …
			$want = 0.0;
			foreach ($text as $i) {
				$want += max(0.0, $natural[$i] - $minimum[$i]);
			}
			foreach ($text as $i) {
				$widths[$i] += $want > 0 ? min($left, $want) * max(0.0, $natural[$i] - $minimum[$i]) / $want : 0.0;
			}
			// … then what is left in proportion to the widths (text columns, or all when there is none).
			$left -= min($left, $want);
			$share = $text === [] ? array_keys($widths) : $text;
			$sum = array_sum(array_map(static fn (int $i): float => $widths[$i], $share));
			foreach ($share as $i) {
				$widths[$i] += $sum > 0 ? $left * $widths[$i] / $sum : $left / count($share);
			}
		}
		return new self($this->columns, $this->kinds, array_values($widths), $landscape, $this->language);
	}

	/** Estimated width in cm of the widest word of a text. */
	private static function longestWord(string $text, bool $bold): float {
		$widest = 0.0;
		foreach (preg_split('/\s+/u', $text) ?: [] as $word) {
			$widest = max($widest, self::width($word, $bold));
		}
		return $widest;
	}

	/**
	 * Estimated width in cm of a text on one line in a table cell, padding included: Noto Sans
	 * advance widths by character class, a little generous.
	 */
	public static function width(string $text, bool $bold): float {
		if ($text === '') {
			return self::PADDING_CM;
		}
		$em = 0.0;
		foreach (mb_str_split($text) as $char) {
			$em += match (true) {
				preg_match('/[iljtfrI.,:;\'|!()\[\]]/', $char) === 1 => 0.34,
				$char === ' ' || $char === '-' => 0.32,
				preg_match('/[mwMW@%]/', $char) === 1 => 0.9,
				ctype_digit($char) => 0.58,
				$char === self::MINUS || $char === '+' => 0.58,
				preg_match('/\p{Lu}/u', $char) === 1 => 0.7,
				default => 0.57,
			};
		}
		return $em * self::EM_CM * self::SAFETY * ($bold ? 1.08 : 1.0) + self::PADDING_CM;
	}
}
