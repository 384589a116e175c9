<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Chart;

use OCA\PilotFeedback\Report\Model\Chart;

/**
 * Lays out and draws a bar or line chart on a canvas of WIDTH × HEIGHT logical units: title,
 * legend, value axis from min to max with grid lines, category labels (turned when they do not
 * fit), bars with their values, or lines with a dash pattern and markers per series. A missing
 * value (null) leaves out its bar or breaks the line.
 */
final class ChartPainter {
	public const WIDTH = 800;
	public const HEIGHT = 450;
	private const TEXT = '#222222';
	private const AXIS = '#555555';
	private const GRID = '#DDDDDD';
	private const MARGIN = 16.0;
	private const LABEL_SIZE = 13.0;
	private const LEGEND_SIZE = 13.0;
	private const TITLE_SIZE = 18.0;
	private const MAX_LABEL_CHARS = 28;

	private string $decimal = '.';

	/** Draws the chart; numbers get the language's decimal separator ('de': comma). */
	public function paint(Chart $chart, ChartCanvas $canvas, string $language = 'en'): void {
		$this->decimal = $language === 'de' ? ',' : '.';
		$canvas->rect(0, 0, self::WIDTH, self::HEIGHT, '#FFFFFF');
		$top = self::MARGIN;
		if ($chart->title !== '') {
			$top += self::TITLE_SIZE;
			$canvas->text(self::WIDTH / 2, $top, self::shorten($chart->title, 80), self::TITLE_SIZE, self::TEXT, 'middle', true);
			$top += 10;
		}
		$top = $this->legend($chart, $canvas, $top) + 12;

		[$min, $max] = $chart->max > $chart->min ? [$chart->min, $chart->max] : [$chart->min, $chart->min + 1];
		$ticks = self::ticks($min, $max);
		$tickWidth = 0.0;
		foreach ($ticks as $tick) {
			$tickWidth = max($tickWidth, $canvas->textWidth($this->number($tick), self::LABEL_SIZE));
		}
		$left = self::MARGIN + $tickWidth + 8;
		$right = self::WIDTH - self::MARGIN;
		$labels = array_map(fn (string $label): string => self::shorten($label, self::MAX_LABEL_CHARS), $chart->labels);
		$slot = ($right - $left) / max(1, count($labels));
		$labelWidth = 0.0;
		foreach ($labels as $label) {
			$labelWidth = max($labelWidth, $canvas->textWidth($label, self::LABEL_SIZE));
		}
		$turned = $labelWidth > $slot - 6;
		if ($turned) {
			// The first turned label reaches left of its slot by its width's cosine.
			$left = max($left, self::MARGIN + $labelWidth * 0.766 - $slot / 2);
			$slot = ($right - $left) / max(1, count($labels));
		}
		// A turned label (40°) needs its width's sine of height below the axis.
		$bottom = self::HEIGHT - self::MARGIN - ($turned ? $labelWidth * 0.643 + self::LABEL_SIZE : self::LABEL_SIZE + 6);
		$bottom = max($bottom, $top + 80);
		$y = static fn (float $value): float => $bottom - ($value - $min) / ($max - $min) * ($bottom - $top);

		foreach ($ticks as $tick) {
			$canvas->polyline([[$left, $y($tick)], [$right, $y($tick)]], self::GRID, 1);
			$canvas->text($left - 6, $y($tick) + self::LABEL_SIZE / 3, $this->number($tick), self::LABEL_SIZE, self::TEXT, 'end');
		}
		$canvas->polyline([[$left, $top], [$left, $bottom], [$right, $bottom]], self::AXIS, 1.5);
		foreach ($labels as $i => $label) {
			$x = $left + ($i + 0.5) * $slot;
			if ($turned) {
				$canvas->text($x + 4, $bottom + self::LABEL_SIZE + 2, $label, self::LABEL_SIZE, self::TEXT, 'end', false, 40);
			} else {
				$canvas->text($x, $bottom + self::LABEL_SIZE + 6, $label, self::LABEL_SIZE, self::TEXT, 'middle');
			}
		}
		if ($chart->kind === 'line') {
			$this->lines($chart, $canvas, $left, $slot, $y, $min, $max);
		} else {
			$this->bars($chart, $canvas, $left, $slot, $y, $min, $max);
		}
	}

	/**
	 * Legend entries in rows under the title; returns the y below them.
	 */
	private function legend(Chart $chart, ChartCanvas $canvas, float $top): float {
		$x = self::MARGIN;
		$y = $top + self::LEGEND_SIZE;
		foreach ($chart->series as $i => $series) {
			$name = self::shorten($series->name, 40);
			$width = 34 + $canvas->textWidth($name, self::LEGEND_SIZE) + 18;
			if ($x + $width > self::WIDTH - self::MARGIN && $x > self::MARGIN) {
				$x = self::MARGIN;
				$y += self::LEGEND_SIZE + 8;
			}
			$middle = $y - self::LEGEND_SIZE / 3;
			if ($chart->kind === 'line') {
				$canvas->polyline([[$x, $middle], [$x + 28, $middle]], ChartStyle::color($i), 2.5, ChartStyle::dash($i));
				$canvas->marker($x + 14, $middle, ChartStyle::marker($i), ChartStyle::color($i), 8);
			} else {
				$canvas->rect($x + 6, $middle - 7, 16, 14, ChartStyle::color($i), self::AXIS);
			}
			$canvas->text($x + 34, $y, $name, self::LEGEND_SIZE, self::TEXT);
			$x += $width;
		}
		return $chart->series === [] ? $top : $y;
	}

	/** @param \Closure(float): float $y */
	private function bars(Chart $chart, ChartCanvas $canvas, float $left, float $slot, \Closure $y, float $min, float $max): void {
		$count = max(1, count($chart->series));
		$barWidth = min(48.0, $slot * 0.8 / $count);
		$showValues = $barWidth >= 22;
		foreach ($chart->series as $s => $series) {
			foreach ($chart->labels as $i => $_) {
				$value = $series->values[$i] ?? null;
				if ($value === null) {
					continue;
				}
				$clamped = max($min, min($max, $value));
				$x = $left + ($i + 0.5) * $slot - $barWidth * $count / 2 + $s * $barWidth;
				$canvas->rect($x + 1, $y($clamped), $barWidth - 2, $y($min) - $y($clamped), ChartStyle::color($s), self::AXIS);
				if ($showValues) {
					$canvas->text($x + $barWidth / 2, $y($clamped) - 4, $this->mean($value), 11, self::TEXT, 'middle');
				}
			}
		}
	}

	/** @param \Closure(float): float $y */
	private function lines(Chart $chart, ChartCanvas $canvas, float $left, float $slot, \Closure $y, float $min, float $max): void {
		foreach ($chart->series as $s => $series) {
			$run = [];
			$points = [];
			foreach ($chart->labels as $i => $_) {
				$value = $series->values[$i] ?? null;
				if ($value === null) {
					$this->run($canvas, $run, $s);
					$run = [];
					continue;
				}
				$point = [$left + ($i + 0.5) * $slot, $y(max($min, min($max, $value)))];
				$run[] = $point;
				$points[] = $point;
			}
			$this->run($canvas, $run, $s);
			foreach ($points as [$px, $py]) {
				$canvas->marker($px, $py, ChartStyle::marker($s), ChartStyle::color($s), 9);
			}
		}
	}

	/** @param list<array{0: float, 1: float}> $run */
	private function run(ChartCanvas $canvas, array $run, int $series): void {
		if (count($run) > 1) {
			$canvas->polyline($run, ChartStyle::color($series), 2.5, ChartStyle::dash($series));
		}
	}

	/** @return list<float> about 4–7 evenly spaced values from min to max */
	public static function ticks(float $min, float $max): array {
		$range = $max - $min;
		$step = 10 ** floor(log10($range));
		foreach ([1, 2, 5, 10] as $factor) {
			if ($range / ($step * $factor / 10) <= 7) {
				$step = $step * $factor / 10;
				break;
			}
		}
		$ticks = [];
		for ($tick = ceil($min / $step) * $step; $tick <= $max + $step / 1000; $tick += $step) {
			$ticks[] = round($tick, 6);
		}
		return $ticks;
	}

	/** A bar's value as the tables print means: always two decimals ("3,00" beside "3,25"). */
	private function mean(float $value): string {
		return str_replace('.', $this->decimal, number_format($value, 2, '.', ''));
	}

	private function number(float $value): string {
		return str_replace('.', $this->decimal, rtrim(rtrim(number_format($value, 2, '.', ''), '0'), '.'));
	}

	/** The text, or its beginning and end around "…" (the end often tells similar labels apart). */
	private static function shorten(string $text, int $chars): string {
		if (mb_strlen($text) <= $chars) {
			return $text;
		}
		$end = intdiv($chars, 3);
		return rtrim(mb_substr($text, 0, $chars - $end - 1)) . '…' . ltrim(mb_substr($text, -$end));
	}
}
