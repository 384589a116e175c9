<?php

declare(strict_types=1);

/**
 * SPDX-FileCopyrightText: 2026 Pilot Feedback contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

namespace OCA\PilotFeedback\Tests\Client\Report;

use OCA\PilotFeedback\Report\Model\Chart;
use OCA\PilotFeedback\Report\Model\ChartSeries;
use OCA\PilotFeedback\Report\Model\Document;
use OCA\PilotFeedback\Report\Model\Heading;
use OCA\PilotFeedback\Report\Model\PageBreak;
use OCA\PilotFeedback\Report\Model\Paragraph;
use OCA\PilotFeedback\Report\Model\Table;
use OCA\PilotFeedback\Report\Model\TitlePage;

/**
 * A quarterly report as the builders make it, with the tables a tester found hard to read: ids
 * and dates beside long titles, many count columns with long headers, means with and without
 * decimals, a change with a sign, and cells without data.
 */
final class ReportFixture {
	public const STATUSES = [
		'de' => ['Neu', 'In Prüfung', 'Angenommen', 'Weitergeleitet', 'In Bearbeitung', 'Erledigt', 'Abgelehnt', 'Duplikat'],
		'en' => ['New', 'In review', 'Accepted', 'Forwarded', 'In progress', 'Done', 'Rejected', 'Duplicate'],
	];

	public static function document(string $language): Document {
		$de = $language === 'de';
		$t = static fn (string $en, string $german): string => $de ? $german : $en;
		$document = new Document(new TitlePage($t('Quarterly report', 'Quartalsbericht'), 'File-Sharing & WebOffice · 2026-Q4', [
			$t('Period: 2026-Q4 (2026-10 to 2026-12)', 'Zeitraum: 2026-Q4 (2026-10 bis 2026-12)'),
		], $t('Preliminary: the period has not ended yet.', 'Vorläufig: Der Zeitraum ist noch nicht zu Ende.')), $language);
		$document->add(new Heading($t('Method', 'Methode'), 1))
			->add(new Paragraph($t('A mean is rounded to two decimals.', 'Ein Mittelwert ist auf zwei Nachkommastellen gerundet.')))
			->add(new PageBreak())
			->add(new Heading('File-Sharing & WebOffice', 1))
			->add(new Heading($t('Consolidated ratings per component', 'Konsolidierte Bewertungen je Komponente'), 2))
			->add(new Chart('bar', $t('Mean overall score per component', 'Mittlere Gesamtbewertung je Komponente'), 'Bar chart', ['Dateiablage', 'WebOffice'], [new ChartSeries('2026-Q4', [3.0, 3.22])]))
			->add(new Table(
				[$t('Component', 'Komponente'), $t('Criterion', 'Kriterium'), $t('Mean', 'Mittelwert'), 'n', $t('Not assessed', 'Nicht beurteilbar'), '1', '2', '3', '4', '5'],
				[
					['Dateiablage', $t('Overall score', 'Gesamtbewertung'), 3.0, 12, 0, 1, 2, 5, 3, 1],
					['Dateiablage', 'Barrierefreiheit', 3.22, 9, 3, 0, 2, 4, 2, 1],
					['WebOffice', $t('Overall score', 'Gesamtbewertung'), null, 0, 4, 0, 0, 0, 0, 0],
				],
				$t('Mean, n and scores per component and criterion', 'Mittelwert, n und Bewertungen je Komponente und Kriterium'),
			))
			->add(new Table(
				[$t('Component', 'Komponente'), $t('Criterion', 'Kriterium'), $t('Mean 2026-11', 'Mittelwert 2026-11'), 'n 2026-11', $t('Mean 2026-10', 'Mittelwert 2026-10'), 'n 2026-10', $t('Change', 'Veränderung')],
				[
					['Dateiablage', $t('Overall score', 'Gesamtbewertung'), 3.25, 4, 3.0, 4, 0.25],
					['Dateiablage', 'Barrierefreiheit', 3.25, 4, 4.0, 3, -0.75],
				],
				$t('Mean score and n per component and criterion', 'Mittelwert und n je Komponente und Kriterium'),
			))
			->add(new Heading($t('Improvement and optimisation potentials', 'Verbesserungs- und Optimierungspotenziale'), 2))
			->add(new Table(
				[$t('Rank', 'Rang'), 'ID', $t('Title', 'Titel'), $t('Priority', 'Priorität'), $t('Supporting organisations', 'Unterstützende Organisationen'), $t('Supporters', 'Unterstützer'), $t('Score', 'Punktzahl')],
				[
					[1, 16, $t('Saving a large spreadsheet in WebOffice takes more than a minute and sometimes fails', 'Das Speichern einer großen Tabelle in WebOffice dauert über eine Minute und schlägt manchmal fehl'), $t('Critical', 'Kritisch'), 'BSH, RKI', 2, 9],
					[2, 7, $t('Sharing dialog', 'Freigabedialog'), $t('High', 'Hoch'), 'RKI', 1, 3],
				],
				$t('Improvement and optimisation potentials', 'Verbesserungs- und Optimierungspotenziale'),
			))
			->add(new Heading($t('Items by type and status', 'Meldungen nach Typ und Status'), 2))
			->add(new Table(
				[$t('Type', 'Typ'), ...self::STATUSES[$language], $t('Total', 'Summe')],
				[
					[$t('Defect', 'Fehler'), 3, 1, 0, 2, 1, 4, 0, 1, 12],
					[$t('Requirement', 'Anforderung'), 1, 0, 2, 0, 0, 1, 1, 0, 5],
				],
				$t('Items filed in the period by type and their current status', 'Im Zeitraum erfasste Meldungen nach Typ und aktuellem Status'),
			))
			->add(new Heading($t('Open critical and high items', 'Offene kritische und hohe Meldungen'), 2))
			->add(new Table(
				['ID', $t('Title', 'Titel'), $t('Type', 'Typ'), $t('Priority', 'Priorität'), 'Status', $t('Component', 'Komponente'), 'Organisation', $t('Filed', 'Erfasst')],
				[
					[16, $t('Saving a large spreadsheet in WebOffice takes more than a minute and sometimes fails', 'Das Speichern einer großen Tabelle in WebOffice dauert über eine Minute und schlägt manchmal fehl'), $t('Defect', 'Fehler'), $t('Critical', 'Kritisch'), $t('In progress', 'In Bearbeitung'), 'WebOffice', 'BSH', '2026-11-03'],
					[123, $t('Login loop', 'Anmeldeschleife'), $t('Defect', 'Fehler'), $t('High', 'Hoch'), $t('New', 'Neu'), 'Dateiablage', 'RKI', '2026-12-01'],
				],
				$t('Open critical and high items, most urgent and oldest first', 'Offene kritische und hohe Meldungen, dringendste und älteste zuerst'),
			))
			->add(new Heading($t('Changes since the last quarter (2026-Q3)', 'Änderungen seit dem letzten Quartal (2026-Q3)'), 2))
			->add(new Table(
				[$t('Component', 'Komponente'), $t('Mean 2026-Q3', 'Mittelwert 2026-Q3'), 'n 2026-Q3', $t('Mean 2026-Q4', 'Mittelwert 2026-Q4'), 'n 2026-Q4', $t('Change', 'Veränderung')],
				[
					['Dateiablage', 2.75, 8, 3.0, 12, 0.25],
					['WebOffice', 3.32, 5, 3.22, 9, -0.1],
					['Kalender', null, 0, 4.5, 2, null],
				],
				$t('Mean overall score per component in this and the last quarter', 'Mittlere Gesamtbewertung je Komponente in diesem und im letzten Quartal'),
				[5 => Table::CHANGE],
			));
		return $document;
	}
}
