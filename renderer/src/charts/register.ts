/**
 * Chart.js with only the pieces Sightline draws (tree-shaken): line and bar charts on a category
 * and a linear axis, with legend and tooltips. Import `Chart` from here, never from 'chart.js'.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Legend,
  Tooltip,
);

export { Chart };
