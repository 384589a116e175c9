<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Report\Chart;

use OCA\PilotFeedback\Report\Writer\Support\Text;

/** Collects SVG elements; text widths are estimated from the average glyph width of sans fonts. */
final class SvgCanvas implements ChartCanvas {
	public const FONT = "'Noto Sans', 'DejaVu Sans', Arial, Helvetica, sans-serif";
	private string $body = '';

	public function rect(float $x, float $y, float $width, float $height, string $fill, ?string $stroke = null): void {
		$this->body .= '<rect x="' . self::n($x) . '" y="' . self::n($y) . '" width="' . self::n(max(0, $width)) . '" height="' . self::n(max(0, $height))
			. '" fill="' . $fill . '"' . ($stroke === null ? '' : ' stroke="' . $stroke . '" stroke-width="1"') . '/>';
	}

	public function polyline(array $points, string $color, float $width, array $dash = []): void {
		$coordinates = array_map(static fn (array $p): string => self::n($p[0]) . ',' . self::n($p[1]), $points);
		$this->body .= '<polyline points="' . implode(' ', $coordinates) . '" fill="none" stroke="' . $color . '" stroke-width="' . self::n($width) . '"'
			. ($dash === [] ? '' : ' stroke-dasharray="' . implode(' ', array_map(self::n(...), $dash)) . '"')
			. ' stroke-linejoin="round"/>';
	}

	public function marker(float $x, float $y, string $shape, string $color, float $size): void {
		$r = $size / 2;
		$style = ' fill="' . $color . '" stroke="#FFFFFF" stroke-width="1"';
		$this->body .= match ($shape) {
			'square' => '<rect x="' . self::n($x - $r) . '" y="' . self::n($y - $r) . '" width="' . self::n($size) . '" height="' . self::n($size) . '"' . $style . '/>',
			'triangle' => '<polygon points="' . self::points([[$x, $y - $r * 1.2], [$x + $r * 1.1, $y + $r * 0.8], [$x - $r * 1.1, $y + $r * 0.8]]) . '"' . $style . '/>',
			'diamond' => '<polygon points="' . self::points([[$x, $y - $r * 1.3], [$x + $r * 1.3, $y], [$x, $y + $r * 1.3], [$x - $r * 1.3, $y]]) . '"' . $style . '/>',
			'cross' => '<polyline points="' . self::points([[$x - $r, $y - $r], [$x + $r, $y + $r]]) . '" stroke="' . $color . '" stroke-width="2.5"/>'
				. '<polyline points="' . self::points([[$x - $r, $y + $r], [$x + $r, $y - $r]]) . '" stroke="' . $color . '" stroke-width="2.5"/>',
			default => '<circle cx="' . self::n($x) . '" cy="' . self::n($y) . '" r="' . self::n($r) . '"' . $style . '/>',
		};
	}

	public function text(float $x, float $y, string $text, float $size, string $color, string $anchor = 'start', bool $bold = false, float $angle = 0): void {
		$this->body .= '<text x="' . self::n($x) . '" y="' . self::n($y) . '" font-size="' . self::n($size) . '" fill="' . $color . '"'
			. ($anchor === 'start' ? '' : ' text-anchor="' . $anchor . '"')
			. ($bold ? ' font-weight="bold"' : '')
			. ($angle == 0 ? '' : ' transform="rotate(' . self::n(-$angle) . ' ' . self::n($x) . ' ' . self::n($y) . ')"')
			. '>' . self::escape($text) . '</text>';
	}

	public function textWidth(string $text, float $size, bool $bold = false): float {
		return mb_strlen($text) * $size * ($bold ? 0.6 : 0.55);
	}

	/** The whole SVG document, with a title and a description for assistive technology. */
	public function document(int $width, int $height, string $title, string $description): string {
		return '<?xml version="1.0" encoding="UTF-8"?>'
			. '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="' . $width . '" height="' . $height . '" viewBox="0 0 ' . $width . ' ' . $height . '"'
			. ' role="img" aria-labelledby="chart-title chart-desc" font-family="' . self::escape(self::FONT) . '">'
			. '<title id="chart-title">' . self::escape($title) . '</title>'
			. '<desc id="chart-desc">' . self::escape($description) . '</desc>'
			. $this->body . '</svg>';
	}

	/** @param list<array{0: float, 1: float}> $points */
	private static function points(array $points): string {
		return implode(' ', array_map(static fn (array $p): string => self::n($p[0]) . ',' . self::n($p[1]), $points));
	}

	private static function n(float $value): string {
		return rtrim(rtrim(number_format($value, 2, '.', ''), '0'), '.');
	}

	private static function escape(string $text): string {
		return htmlspecialchars(Text::xml($text), ENT_XML1 | ENT_QUOTES, 'UTF-8');
	}
}
